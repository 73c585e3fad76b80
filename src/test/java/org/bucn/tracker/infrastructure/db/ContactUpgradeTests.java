package org.bucn.tracker.infrastructure.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.bucn.tracker.TrackerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An upgrade on old data: a database migrated by the change sets of an earlier release, holding
 * what that release let people write, then migrated to this one. Offices recorded before the
 * directory had an e-mail field kept their address in the contact text; after the upgrade their
 * letters can be mailed (the fault-injection run's upgrade had left them without an address).
 */
@TrackerTest
class ContactUpgradeTests {

  static final String MASTER = "db/changelog/db.changelog-master.yaml";
  static final String CONTACT_CHANGE_SET = "041-contact-mail-addresses";

  @Autowired HikariDataSource dataSource;
  @Autowired JdbcClient jdbc;

  @Test
  void anOfficesAddressWrittenInItsContactBecomesItsEmail() throws Exception {
    String name = "upgrade_" + System.nanoTime();
    jdbc.sql("CREATE DATABASE " + name).update();
    String url = dataSource.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
    try (Connection c =
        DriverManager.getConnection(url, dataSource.getUsername(), dataSource.getPassword())) {
      Database database =
          DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
      Liquibase liquibase = new Liquibase(MASTER, new ClassLoaderResourceAccessor(), database);
      var changeSets = liquibase.getDatabaseChangeLog().getChangeSets();
      int before =
          (int)
              changeSets.stream()
                  .takeWhile(changeSet -> !changeSet.getId().equals(CONTACT_CHANGE_SET))
                  .count();
      assertThat(before)
          .as("the change set is in the master changelog")
          .isLessThan(changeSets.size());
      liquibase.update(before, new Contexts(), new LabelExpression());

      // What the earlier release held: an address in the contact text, an e-mail already set, a
      // postal contact.
      try (Statement s = c.createStatement()) {
        s.executeUpdate(
            """
            INSERT INTO target (country_code, country, office, channel, contact, language) VALUES
              ('ME', 'Montenegro', 'President', 'EMAIL', 'Kabinet: kabinet@predsjednik.gov.me, +382 20 242 382', 'cnr'),
              ('RS', 'Serbia', 'President of the Republic', 'EMAIL', 'Mail: press@predsednik.rs', 'sr'),
              ('AL', 'Albania', 'President of the Republic', 'LETTER', 'Bulevardi Dëshmorët e Kombit, Tirana', 'sq');
            UPDATE target SET email = 'info@president.al' WHERE country_code = 'AL';
            UPDATE target SET email = 'office@predsednik.rs' WHERE country_code = 'RS';
            """);
      }
      liquibase.update(new Contexts(), new LabelExpression());

      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery("SELECT country_code, email FROM target ORDER BY country_code")) {
        java.util.Map<String, String> emails = new java.util.TreeMap<>();
        while (rs.next()) {
          emails.put(rs.getString(1), rs.getString(2));
        }
        assertThat(emails)
            .containsEntry("ME", "kabinet@predsjednik.gov.me")
            .as("an address already set is kept")
            .containsEntry("RS", "office@predsednik.rs")
            .containsEntry("AL", "info@president.al");
      }
    } finally {
      jdbc.sql("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").update();
    }
  }
}
