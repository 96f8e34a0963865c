package io.voltstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobSubmitterTest {

  @Test
  void shouldTurnVoltstreamVariablesIntoSortedProgramFlags() {
    Map<String, String> env =
        Map.of(
            "VOLTSTREAM_INFLUX_URL", "http://influx:8086",
            "VOLTSTREAM_KAFKA_BOOTSTRAP", "kafka:9092",
            "VOLTSTREAM_JAVA_OPTS", "-Xmx1g",
            "PATH", "/usr/bin");

    assertThat(JobSubmitter.programArgs(env))
        .containsExactly("--influx-url=http://influx:8086", "--kafka-bootstrap=kafka:9092");
  }

  @Test
  void shouldRejectAFlinkAddressWithoutHost() {
    assertThatThrownBy(() -> new JobSubmitter(URI.create("localhost:8081"), Path.of("job.jar"), 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--flink");
  }

  @Test
  void shouldRejectParallelismBelowOne() {
    assertThatThrownBy(
            () -> new JobSubmitter(URI.create("http://127.0.0.1:8081"), Path.of("job.jar"), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--parallelism");
  }
}
