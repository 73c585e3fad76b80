package org.bucn.tracker.appeal.worklist;

import java.util.List;
import java.util.Optional;
import org.bucn.tracker.shared.InvalidFieldException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where each person last was in the task list (tab, filters, sort, page), and the views they named.
 */
@Service
public class TaskListPlaces {

  /**
   * The longest query string kept (the column's width): a longer list address is simply not
   * remembered.
   */
  public static final int QUERY_MAX = 500;

  /** A named set of filters, kept as the list's query string. */
  public record View(String name, String query) {}

  private final JdbcClient jdbc;

  TaskListPlaces(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional
  public void remember(String username, String query) {
    if (query.length() > QUERY_MAX) {
      return;
    }
    jdbc.sql(
            """
            INSERT INTO task_list_place (username, query) VALUES (?, ?)
            ON CONFLICT (username) DO UPDATE SET query = EXCLUDED.query, saved_at = now()
            """)
        .params(username, query)
        .update();
  }

  @Transactional(readOnly = true)
  public Optional<String> last(String username) {
    return jdbc.sql("SELECT query FROM task_list_place WHERE username = ?")
        .param(username)
        .query(String.class)
        .optional();
  }

  @Transactional(readOnly = true)
  public List<View> views(String username) {
    return jdbc.sql("SELECT name, query FROM task_list_view WHERE username = ? ORDER BY name")
        .param(username)
        .query(View.class)
        .list();
  }

  @Transactional
  public void saveView(String username, String name, String query) {
    String clean = name == null ? "" : name.strip();
    if (clean.isEmpty() || clean.length() > 80) {
      throw new InvalidFieldException("name", "refusal.text.between", 1, 80);
    }
    if (query.length() > QUERY_MAX) {
      throw new InvalidFieldException("query", "refusal.view.queryTooLong", QUERY_MAX);
    }
    jdbc.sql(
            """
            INSERT INTO task_list_view (username, name, query) VALUES (?, ?, ?)
            ON CONFLICT (username, name) DO UPDATE SET query = EXCLUDED.query
            """)
        .params(username, clean, query)
        .update();
  }

  @Transactional
  public void deleteView(String username, String name) {
    jdbc.sql("DELETE FROM task_list_view WHERE username = ? AND name = ?")
        .params(username, name)
        .update();
  }
}
