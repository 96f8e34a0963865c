package io.voltstream.launcher.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every operator of every job in {@link StreamJobs#ALL} has an explicit uid, prefixed with the
 * job's name: state in a checkpoint or savepoint is matched to operators by uid, and Flink's
 * generated ids change whenever the topology around an operator changes, so an operator without a
 * uid silently loses its state on the first upgrade.
 *
 * <p>The jobs are wired on a local environment and translated to their stream graph, nothing runs
 * (the Kafka and InfluxDB connectors connect only when opened). The rule for sink v2 ({@code
 * sinkTo(sink).uid(u)}): Flink expands the sink into a {@code Writer} node that takes {@code u}
 * and, for sinks with a committer (Kafka), a {@code Committer} node whose uid Flink derives as
 * {@code "Sink Committer: " + u}; both are stable as long as {@code u} is. Virtual nodes (keyBy,
 * side outputs, broadcast partitioning) hold no state and are not stream nodes.
 */
class StreamJobsUidTest {
  /** The uid Flink derives for a Kafka sink's committer node from the sink's own uid. */
  private static final String COMMITTER_PREFIX = "Sink Committer: ";

  static final List<StreamJobs.Job> JOBS = StreamJobs.ALL;

  @ParameterizedTest(name = "{0}")
  @FieldSource("JOBS")
  void everyOperatorShouldHaveAnExplicitUidPrefixedWithItsJobName(StreamJobs.Job job) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    job.wiring().accept(env, Map.of());
    StreamGraph graph = env.getStreamGraph();

    assertThat(graph.getStreamNodes()).as("operators of %s", job.name()).isNotEmpty();
    for (StreamNode node : graph.getStreamNodes()) {
      String uid = node.getTransformationUID();
      assertThat(uid)
          .as("uid of operator '%s' of job %s", node.getOperatorName(), job.name())
          .isNotBlank();
      String own =
          uid.startsWith(COMMITTER_PREFIX) ? uid.substring(COMMITTER_PREFIX.length()) : uid;
      assertThat(own)
          .as("uid of operator '%s' of job %s", node.getOperatorName(), job.name())
          .startsWith(job.name() + "-");
    }
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("JOBS")
  void kafkaSinkCommittersShouldDeriveTheirUidFromTheirWriter(StreamJobs.Job job) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    job.wiring().accept(env, Map.of());
    List<String> uids =
        env.getStreamGraph().getStreamNodes().stream()
            .map(StreamNode::getTransformationUID)
            .toList();

    for (String uid : uids) {
      if (uid.startsWith(COMMITTER_PREFIX)) {
        assertThat(uids).contains(uid.substring(COMMITTER_PREFIX.length()));
      }
    }
  }
}
