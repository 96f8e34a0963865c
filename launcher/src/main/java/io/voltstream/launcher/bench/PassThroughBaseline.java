package io.voltstream.launcher.bench;

import io.voltstream.infra.FreePorts;
import io.voltstream.jobs.io.JobsConfig;
import io.voltstream.jobs.io.KafkaSources;
import io.voltstream.launcher.stack.LocalFlinkCluster;
import io.voltstream.launcher.stack.LocalFlinkCluster.StartFrom;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * The pass-through baseline: Kafka {@code readings} → Flink (the jobs' own source and JSON
 * deserialisation, parallelism {@value LocalFlinkCluster#JOB_PARALLELISM}) → discard, run in the
 * same benchmark after the load stopped and the pipeline drained, over every record the run put in
 * {@code readings} (bounded at the end offsets, from the earliest). Its rate is how fast this box
 * moves readings through Kafka and Flink at all, so the pipeline's sustained rate can be read as a
 * share of it. It runs in a MiniCluster of its own with two slots (the stack's has exactly the
 * slots its jobs need), so a second, small MiniCluster is in the JVM while it runs.
 *
 * @param records records it read
 * @param elapsed job RUNNING → FINISHED (includes split assignment, well under a second)
 */
record PassThroughBaseline(long records, Duration elapsed) {
  static final String JOB_NAME = "bench-pass-through";

  double readingsPerSecond() {
    return Rates.perSecond(records, elapsed);
  }

  /** Runs the baseline over {@code readings} as it is now; {@code records} = its end offsets. */
  static PassThroughBaseline run(JobsConfig cfg, Path flinkDir, long records) throws Exception {
    try (LocalFlinkCluster flink =
        LocalFlinkCluster.start(
            FreePorts.pick(), LocalFlinkCluster.JOB_PARALLELISM, flinkDir, StartFrom.FRESH)) {
      JobID id =
          flink.submit(
              JOB_NAME,
              Duration.ofHours(1),
              env ->
                  env.fromSource(
                          KafkaSources.readingsBuilder(cfg, JOB_NAME)
                              .setStartingOffsets(OffsetsInitializer.earliest())
                              .setBounded(OffsetsInitializer.latest())
                              .build(),
                          WatermarkStrategy.noWatermarks(),
                          "pass-through-source")
                      .uid("pass-through-source")
                      .sinkTo(new DiscardingSink<>())
                      .uid("pass-through-discard"));
      var result = flink.miniCluster().requestJobResult(id).get();
      if (!result.isSuccess()) {
        throw new IllegalStateException(
            "pass-through job failed: " + result.getApplicationStatus());
      }
      AccessExecutionGraph graph = flink.miniCluster().getArchivedExecutionGraph(id).get();
      long running = graph.getStatusTimestamp(JobStatus.RUNNING);
      long finished = graph.getStatusTimestamp(JobStatus.FINISHED);
      return new PassThroughBaseline(records, Duration.ofMillis(Math.max(1, finished - running)));
    }
  }
}
