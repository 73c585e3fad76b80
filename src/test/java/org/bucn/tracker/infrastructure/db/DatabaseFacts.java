package org.bucn.tracker.infrastructure.db;

import java.sql.Timestamp;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a database must keep through a backup, a restore or an upgrade: appeals and their stages,
 * users, evidence hashes, the engine's open tasks and pending timers.
 */
record DatabaseFacts(
    Map<Long, String> appeals,
    Set<String> users,
    Map<Long, String> evidence,
    Map<String, String> openTasks,
    Map<String, Timestamp> timers) {

  static DatabaseFacts of(DataSource database) {
    JdbcClient jdbc = JdbcClient.create(database);
    return new DatabaseFacts(
        jdbc
            .sql("SELECT id, stage FROM appeal")
            .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
            .list()
            .stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
        Set.copyOf(jdbc.sql("SELECT username FROM app_user").query(String.class).list()),
        jdbc
            .sql("SELECT id, sha256 FROM evidence")
            .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2).strip()))
            .list()
            .stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
        jdbc
            .sql("SELECT id_, task_def_key_ FROM act_ru_task")
            .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
            .list()
            .stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
        jdbc
            .sql("SELECT id_, duedate_ FROM act_ru_job WHERE type_ = 'timer'")
            .query((rs, n) -> Map.entry(rs.getString(1), rs.getTimestamp(2)))
            .list()
            .stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }
}
