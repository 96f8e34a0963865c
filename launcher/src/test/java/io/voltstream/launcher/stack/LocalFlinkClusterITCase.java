package io.voltstream.launcher.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voltstream.infra.FreePorts;
import io.voltstream.infra.Waits;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.jobs.JobEnvironment;
import io.voltstream.launcher.stack.LocalFlinkCluster.StartFrom;
import io.voltstream.launcher.stack.RetainedCheckpoints.Checkpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.runtime.checkpoint.RestoredCheckpointStats;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LocalFlinkCluster}'s retained checkpoints on a real MiniCluster and a real Kafka: a job
 * cancelled (as on Ctrl-C) keeps its checkpoints in {@code checkpoints/<job-name>/}, bounded; the
 * next cluster resumes it from the latest; a job whose graph lost a stateful operator fails to
 * start with a message about {@code --fresh} instead of dropping that state; {@code --fresh}
 * deletes the retained checkpoints and starts empty.
 */
class LocalFlinkClusterITCase {
  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();

  private static final String JOB = "probe";
  private static final Duration INTERVAL = Duration.ofMillis(500);
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @TempDir Path flinkDir;

  @Test
  void shouldResumeFromTheRetainedCheckpointRefuseAnIncompatibleGraphAndStartFreshOnRequest()
      throws Exception {
    String topic = KAFKA.uniqueName("probe");
    KAFKA.createTopic(topic, 2);
    RetainedCheckpoints retained = new RetainedCheckpoints(flinkDir.resolve("checkpoints/" + JOB));

    try (LocalFlinkCluster flink = LocalFlinkCluster.start(FreePorts.pick(), 2, flinkDir)) {
      flink.submit(JOB, INTERVAL, source(topic, "probe-source"));
      // by checkpoint 5 Flink has deleted the oldest to keep 3
      assertThat(
              Waits.until(
                  () -> retained.latestComplete().map(c -> c.number() >= 5).orElse(false), TIMEOUT))
          .as("checkpoints in %s", retained.jobDir())
          .isTrue();
    } // cancels the job: RETAIN_ON_CANCELLATION keeps its last checkpoints
    Map<Path, Long> perRun =
        retained.complete().stream()
            .collect(Collectors.groupingBy(Checkpoint::runDir, Collectors.counting()));
    assertThat(perRun).hasSize(1);
    assertThat(perRun.values())
        .allSatisfy(n -> assertThat(n).isBetween(1L, (long) JobEnvironment.RETAINED_CHECKPOINTS));
    Checkpoint latest = retained.latestComplete().orElseThrow();

    try (LocalFlinkCluster flink = LocalFlinkCluster.start(FreePorts.pick(), 2, flinkDir)) {
      JobID id = flink.submit(JOB, INTERVAL, source(topic, "probe-source"));
      RestoredCheckpointStats restored =
          flink
              .miniCluster()
              .getExecutionGraph(id)
              .get()
              .getCheckpointStatsSnapshot()
              .getLatestRestoredCheckpoint();
      assertThat(restored).as("restored checkpoint of %s", id).isNotNull();
      assertThat(Path.of(java.net.URI.create(restored.getExternalPath()))).isEqualTo(latest.dir());
    }

    try (LocalFlinkCluster flink = LocalFlinkCluster.start(FreePorts.pick(), 2, flinkDir)) {
      Checkpoint before = retained.latestComplete().orElseThrow();
      // the source's uid changed: its offsets in the checkpoint belong to no operator any more
      assertThatThrownBy(() -> flink.submit(JOB, INTERVAL, source(topic, "renamed-source")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("'" + JOB + "' cannot resume")
          .hasMessageContaining(before.dir().toString())
          .hasMessageContaining("--fresh");
      assertThat(retained.latestComplete()).as("nothing deleted").contains(before);
    }

    try (LocalFlinkCluster flink =
        LocalFlinkCluster.start(FreePorts.pick(), 2, flinkDir, StartFrom.FRESH)) {
      Optional<Checkpoint> before = retained.latestComplete();
      JobID id = flink.submit(JOB, INTERVAL, source(topic, "renamed-source"));
      assertThat(
              flink
                  .miniCluster()
                  .getExecutionGraph(id)
                  .get()
                  .getCheckpointStatsSnapshot()
                  .getLatestRestoredCheckpoint())
          .isNull();
      assertThat(before).isPresent();
      assertThat(before.get().runDir()).doesNotExist();
    }
  }

  /** A Kafka source (its split offsets are operator state under {@code uid}) into a discard. */
  private static Consumer<StreamExecutionEnvironment> source(String topic, String uid) {
    return env ->
        env.fromSource(
                KafkaSource.<String>builder()
                    .setBootstrapServers(KAFKA.bootstrapServers())
                    .setTopics(topic)
                    .setGroupId(uid)
                    .setStartingOffsets(OffsetsInitializer.earliest())
                    .setValueOnlyDeserializer(new SimpleStringSchema())
                    .build(),
                WatermarkStrategy.noWatermarks(),
                uid)
            .uid(uid)
            .sinkTo(new DiscardingSink<>())
            .uid(uid + "-sink");
  }
}
