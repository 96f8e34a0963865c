package io.voltstream.sim;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatorAppTest {

  @Test
  void shouldRefuseToReplayAMissingFileNamingTheVariable() {
    SimulatorConfig config =
        SimulatorConfig.fromEnv(
            Map.of(
                "VOLTSTREAM_SIM_MODE",
                "replay",
                "VOLTSTREAM_REPLAY_FILE",
                "/nonexistent/uci.csv",
                "VOLTSTREAM_KAFKA_BOOTSTRAP",
                "none"));
    assertThatThrownBy(() -> SimulatorApp.start(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("VOLTSTREAM_REPLAY_FILE")
        .hasMessageContaining("/nonexistent/uci.csv");
  }
}
