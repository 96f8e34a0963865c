package io.voltstream.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.sim.load.LoadGenerator;
import io.voltstream.sim.load.LoadGeneratorConfig;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without any broker listening, the simulators start, never publish, and still stop promptly. */
class ShutdownWithoutBrokerTest {

  private static URI deadBroker() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return URI.create("tcp://127.0.0.1:" + s.getLocalPort());
    }
  }

  @Test
  void shouldStopTheDemoSimulatorPromptlyWhenTheBrokerNeverCameUp() throws Exception {
    SimulatorConfig config =
        SimulatorConfig.fromEnv(
            Map.of(
                "VOLTSTREAM_MQTT_URL",
                deadBroker().toString(),
                "VOLTSTREAM_KAFKA_BOOTSTRAP",
                "none",
                "VOLTSTREAM_SIM_INTERVAL",
                "50ms"));
    SimulatorApp.Running sim = SimulatorApp.start(config);
    long started = System.nanoTime();
    sim.close();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
    assertThat(sim.acknowledgedReadings()).isZero();
    assertThat(sim.isConnected()).isFalse();
  }

  @Test
  void shouldStopTheLoadGeneratorPromptlyWhenTheBrokerNeverCameUp() throws Exception {
    LoadGenerator load =
        LoadGenerator.start(
            LoadGeneratorConfig.defaults().withMqttUrl(deadBroker()).withRate(1000));
    long started = System.nanoTime();
    load.close();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    assertThat(load.publishedReadings()).isZero();
    assertThat(load.sentReadings()).isZero();
  }
}
