package io.voltstream.jobs.rawstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.jobs.io.JobsConfig;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

/**
 * The launcher's path: wiring from config builds a job graph (no Kryo fallback, uids set) without
 * touching servers.
 */
class RawReadingsJobTest {

  @Test
  void shouldWireAJobGraphWithStableUidsAndCheckpointing() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    JobsConfig cfg = JobsConfig.fromEnv(Map.of(JobsConfig.CHECKPOINT_INTERVAL, "5s"));

    StreamGraph graph = RawReadingsJob.wireFromConfig(env, cfg).getStreamGraph();

    assertThat(
            graph.getStreamNodes().stream()
                .map(StreamNode::getTransformationUID)
                .collect(Collectors.toSet()))
        .contains("raw-readings-source", "raw-readings-influx-sink");
    assertThat(graph.getCheckpointConfig().getCheckpointInterval()).isEqualTo(5_000);
    assertThat(env.getConfig().getSerializerConfig().hasGenericTypesDisabled()).isTrue();
    JobGraph jobGraph = graph.getJobGraph();
    assertThat(
            StreamSupport.stream(jobGraph.getVertices().spliterator(), false)
                .map(JobVertex::getName))
        .anySatisfy(name -> assertThat(name).contains("readings-source"));
  }
}
