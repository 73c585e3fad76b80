package org.bucn.tracker.notification;

import java.util.List;
import org.bucn.tracker.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A person's notices in the tracker, newest first: the bell in the header and its page. */
@Service
public class NoticeList {

  /** How many notices a person sees at once; older ones stay, read or not. */
  static final int SHOWN = 50;

  private final JdbcClient jdbc;
  private final Notices notices;

  NoticeList(JdbcClient jdbc, Notices notices) {
    this.jdbc = jdbc;
    this.notices = notices;
  }

  public int unread(String username) {
    notices.flush();
    return jdbc.sql("SELECT count(*) FROM notice WHERE username = ? AND read_at IS NULL")
        .param(username)
        .query(Integer.class)
        .single();
  }

  public List<Notice> of(String username, boolean unreadOnly) {
    notices.flush();
    return jdbc.sql(
            """
            SELECT id, line, path, created_at, read_at IS NOT NULL AS read FROM notice
            WHERE username = :username AND (NOT :unreadOnly OR read_at IS NULL)
            ORDER BY id DESC LIMIT :shown
            """)
        .param("username", username)
        .param("unreadOnly", unreadOnly)
        .param("shown", SHOWN)
        .query(Notice.class)
        .list();
  }

  /** Marks one of the person's own notices read and gives it; someone else's is not found. */
  @Transactional
  public Notice read(String username, long id) {
    return jdbc.sql(
            """
            UPDATE notice SET read_at = coalesce(read_at, now()) WHERE id = ? AND username = ?
            RETURNING id, line, path, created_at, true AS read
            """)
        .params(id, username)
        .query(Notice.class)
        .optional()
        .orElseThrow(() -> new NotFoundException("notice", id));
  }

  /** Marks every notice of the person read; gives how many were unread. */
  @Transactional
  public int readAll(String username) {
    return jdbc.sql("UPDATE notice SET read_at = now() WHERE username = ? AND read_at IS NULL")
        .param(username)
        .update();
  }
}
