package org.bucn.tracker.infrastructure.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server's programs live where only the tracker's user may write, and a program
 * changed there is noticed and unpacked again before it is run (no Spring context; one real start
 * of PostgreSQL before and after the change).
 */
class PostgresBinariesTests {

  @TempDir Path temp;

  @Test
  void theDirectoryIsMadePrivateToThisUser() throws Exception {
    Path shared = temp.resolve("binaries");
    Files.createDirectories(shared);
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
    PostgresBinaries.privateDirectory(shared);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)))
        .isEqualTo("rwx------");
    Path fresh = PostgresBinaries.privateDirectory(temp.resolve("new/binaries"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)))
        .isEqualTo("rwx------");
  }

  @Test
  void aDirectoryOfAnotherUserIsRefused() throws Exception {
    Path theirs = temp.resolve("theirs");
    Files.createDirectories(theirs);
    String me = System.getProperty("user.name");
    try {
      System.setProperty("user.name", me + "-someone-else");
      assertThatThrownBy(() -> PostgresBinaries.privateDirectory(theirs))
          .hasMessageContaining("belongs to " + me);
    } finally {
      System.setProperty("user.name", me);
    }
  }

  @Test
  void aChangedProgramIsUnpackedAgainBeforeItRuns() throws Exception {
    Path binaries = PostgresBinaries.privateDirectory(temp.resolve("binaries"));
    AtomicReference<String[]> platform = new AtomicReference<>();
    PgBinaryResolver verifying = PostgresBinaries.verifying(binaries);
    PgBinaryResolver recording =
        (system, machine) -> {
          platform.set(new String[] {system, machine});
          return verifying.getPgBinary(system, machine);
        };
    start(binaries, recording, temp.resolve("data1"));
    Path unpacked;
    try (Stream<Path> copies = Files.list(binaries)) {
      unpacked =
          copies
              .filter(p -> p.getFileName().toString().startsWith("PG-"))
              .findFirst()
              .orElseThrow();
    }
    Path postgres = unpacked.resolve("bin/postgres");
    byte[] shipped = Files.readAllBytes(postgres);

    // Checked once: the list of what the archive holds is kept beside the programs.
    verifying.getPgBinary(platform.get()[0], platform.get()[1]).close();
    assertThat(unpacked.resolve(PostgresBinaries.MANIFEST)).exists();
    assertThat(unpacked.resolve(".exists")).as("unchanged programs are kept").exists();

    Files.write(postgres, "#!/bin/sh\necho planted\n".getBytes(), StandardOpenOption.APPEND);
    // A new start (zonky remembers the directory per resolver within one JVM; the tracker makes one
    // per start).
    start(binaries, PostgresBinaries.verifying(binaries), temp.resolve("data2"));
    assertThat(Files.readAllBytes(postgres))
        .as("the planted program was replaced before the start")
        .isEqualTo(shipped);
  }

  private static void start(Path binaries, PgBinaryResolver resolver, Path data) throws Exception {
    try (EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setOverrideWorkingDirectory(binaries.toFile())
            .setPgBinaryResolver(resolver)
            .setDataDirectory(data)
            .start()) {
      assertThat(postgres.getPostgresDatabase().getConnection().isValid(5)).isTrue();
    }
  }
}
