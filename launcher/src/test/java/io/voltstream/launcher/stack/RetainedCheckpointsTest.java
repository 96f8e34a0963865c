package io.voltstream.launcher.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.launcher.stack.RetainedCheckpoints.Checkpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetainedCheckpointsTest {
  private static final String RUN_A = "0123456789abcdef0123456789abcdef";
  private static final String RUN_B = "fedcba9876543210fedcba9876543210";
  private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");

  @TempDir Path jobDir;

  @Test
  void shouldFindNothingInAMissingOrEmptyJobDirectory() throws IOException {
    assertThat(new RetainedCheckpoints(jobDir.resolve("absent")).latestComplete()).isEmpty();
    assertThat(new RetainedCheckpoints(jobDir).latestComplete()).isEmpty();
  }

  @Test
  void shouldIgnoreACheckpointDirectoryWithoutItsMetadata() throws IOException {
    Path complete = complete(RUN_A, 7, T0);
    // a kill -9 in the middle of checkpoint 8: its directory exists, its _metadata never came
    Files.createDirectories(jobDir.resolve(RUN_A).resolve("chk-8"));
    Files.writeString(jobDir.resolve(RUN_A).resolve("chk-8").resolve("op-state"), "partial");

    assertThat(new RetainedCheckpoints(jobDir).latestComplete())
        .map(Checkpoint::dir)
        .contains(complete);
  }

  @Test
  void shouldPickTheCheckpointCompletedLastAcrossRunsNotTheHighestNumber() throws IOException {
    complete(RUN_A, 40, T0);
    complete(RUN_A, 41, T0.plusSeconds(30));
    // a later run started fresh: its numbers restart at 1
    Path latest = complete(RUN_B, 2, T0.plusSeconds(90));
    complete(RUN_B, 1, T0.plusSeconds(60));

    Optional<Checkpoint> found = new RetainedCheckpoints(jobDir).latestComplete();

    assertThat(found).map(Checkpoint::dir).contains(latest);
    assertThat(found).map(Checkpoint::number).contains(2L);
    assertThat(found).map(Checkpoint::runDir).contains(jobDir.resolve(RUN_B));
  }

  @Test
  void shouldIgnoreDirectoriesThatAreNotFlinkRunsOrCheckpoints() throws IOException {
    Files.createDirectories(jobDir.resolve("notes").resolve("chk-99"));
    Files.writeString(jobDir.resolve("notes").resolve("chk-99").resolve("_metadata"), "x");
    Files.createDirectories(jobDir.resolve(RUN_A).resolve("shared"));
    Files.writeString(jobDir.resolve(RUN_A).resolve("shared").resolve("_metadata"), "x");

    assertThat(new RetainedCheckpoints(jobDir).latestComplete()).isEmpty();
  }

  @Test
  void shouldDeleteEveryOtherRunButLeaveForeignDirectoriesAlone() throws IOException {
    complete(RUN_A, 3, T0);
    Path kept = complete(RUN_B, 5, T0.plusSeconds(10));
    Files.createDirectories(jobDir.resolve("notes"));
    RetainedCheckpoints retained = new RetainedCheckpoints(jobDir);

    assertThat(retained.deleteRunsOtherThan(Optional.of(kept.getParent())))
        .containsExactly(jobDir.resolve(RUN_A));

    assertThat(jobDir.resolve(RUN_A)).doesNotExist();
    assertThat(kept.resolve("_metadata")).exists();
    assertThat(jobDir.resolve("notes")).isDirectory();
  }

  @Test
  void shouldDeleteEveryRunWhenStartingFresh() throws IOException {
    complete(RUN_A, 3, T0);
    complete(RUN_B, 5, T0.plusSeconds(10));
    RetainedCheckpoints retained = new RetainedCheckpoints(jobDir);

    assertThat(retained.deleteRunsOtherThan(Optional.empty())).hasSize(2);

    assertThat(retained.latestComplete()).isEmpty();
    assertThat(retained.complete()).isEmpty();
  }

  private Path complete(String run, long number, Instant completedAt) throws IOException {
    Path dir = jobDir.resolve(run).resolve("chk-" + number);
    Files.createDirectories(dir);
    Path metadata = dir.resolve(RetainedCheckpoints.METADATA);
    Files.writeString(metadata, "metadata of checkpoint " + number);
    Files.setLastModifiedTime(metadata, FileTime.from(completedAt));
    return dir;
  }
}
