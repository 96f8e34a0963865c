package io.voltstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.launcher.stack.StreamJobs;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.runtime.checkpoint.CheckpointRetentionPolicy;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The flags of {@code voltstream stop} and {@code submit --from-savepoint}, and the job graph a
 * restoring submission sends: it carries the savepoint path and the non-restored-state choice, and
 * every submitted graph keeps its checkpoints on cancellation.
 */
class SavepointCommandsTest {

  @Test
  void shouldParseStopFlags() {
    StopCommand stop = new StopCommand();
    new CommandLine(stop)
        .parseArgs(
            "--flink",
            "http://jm:8081",
            "--savepoint",
            "/srv/sp",
            "--job",
            "alerts,rules",
            "--timeout",
            "PT2M");

    assertThat(stop.cluster.flink.toString()).isEqualTo("http://jm:8081");
    assertThat(stop.savepoint).isEqualTo(Path.of("/srv/sp"));
    assertThat(stop.jobs).containsExactly("alerts", "rules");
    assertThat(stop.timeout).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void shouldCancelByDefaultWithATenMinuteTimeout() {
    StopCommand stop = new StopCommand();
    new CommandLine(stop).parseArgs("--flink", "http://jm:8081");

    assertThat(stop.savepoint).isNull();
    assertThat(stop.jobs).isEmpty();
    assertThat(stop.timeout).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void shouldParseRepeatedFromSavepointAndAllowNonRestoredState() {
    SubmitCommand submit = new SubmitCommand();
    new CommandLine(submit)
        .parseArgs(
            "--flink",
            "http://jm:8081",
            "--all",
            "--from-savepoint",
            "/srv/sp",
            "--from-savepoint",
            "alerts=/srv/other/savepoint-1",
            "--allow-non-restored-state");

    assertThat(submit.fromSavepoint).containsExactly("/srv/sp", "alerts=/srv/other/savepoint-1");
    assertThat(submit.allowNonRestoredState).isTrue();
  }

  @Test
  void shouldBuildAJobGraphThatRestoresFromTheSavepoint() throws Exception {
    StreamJobs.Job raw = StreamJobs.ALL.get(0);
    JobGraph graph =
        JobSubmitter.jobGraph(
            JobSubmitter.clientConfiguration(java.net.URI.create("http://127.0.0.1:8081")),
            null,
            raw,
            new String[] {"--checkpoint-interval=5s"},
            2,
            SavepointRestoreSettings.forPath("file:/srv/sp/raw-readings/savepoint-1", true));

    assertThat(graph.getSavepointRestoreSettings().getRestorePath())
        .isEqualTo("file:/srv/sp/raw-readings/savepoint-1");
    assertThat(graph.getSavepointRestoreSettings().allowNonRestoredState()).isTrue();
    assertThat(
            graph
                .getCheckpointingSettings()
                .getCheckpointCoordinatorConfiguration()
                .getCheckpointRetentionPolicy())
        .isEqualTo(CheckpointRetentionPolicy.RETAIN_ON_CANCELLATION);
  }

  @Test
  void shouldBuildAFreshJobGraphWithoutSavepoint() throws Exception {
    JobGraph graph =
        JobSubmitter.jobGraph(
            JobSubmitter.clientConfiguration(java.net.URI.create("http://127.0.0.1:8081")),
            null,
            StreamJobs.ALL.get(0),
            new String[0],
            2,
            SavepointRestoreSettings.none());

    assertThat(graph.getSavepointRestoreSettings().restoreSavepoint()).isFalse();
    assertThat(graph.getName()).isEqualTo("voltstream-raw-readings");
  }
}
