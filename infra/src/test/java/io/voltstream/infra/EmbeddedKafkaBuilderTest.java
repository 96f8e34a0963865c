package io.voltstream.infra;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaBuilderTest {

  @Test
  void shouldRequireADataDir() {
    assertThatThrownBy(() -> EmbeddedKafka.builder().port(0).start())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dataDir");
  }

  @Test
  void shouldRejectAnOutOfRangePort() {
    assertThatThrownBy(() -> EmbeddedKafka.builder().dataDir(Path.of("x")).port(70000).start())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("70000");
  }

  @Test
  void shouldRejectZeroDefaultPartitions() {
    assertThatThrownBy(
            () -> EmbeddedKafka.builder().dataDir(Path.of("x")).defaultPartitions(0).start())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("defaultPartitions");
  }
}
