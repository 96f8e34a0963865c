package io.voltstream.api.mqttauth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each kind of device is granted exactly its own topics of the MQTT contract (design §3). */
class MqttGrantsTest {
  @Test
  void aSensorPublishesOnlyItsReadings() {
    MqttGrants g = MqttGrants.forDevice(DeviceKind.SENSOR, "k1", "ignored");
    assertThat(g.publish()).containsExactly("sensors/k1/readings");
    assertThat(g.subscribe()).isEmpty();
  }

  @Test
  void aBatteryPublishesStateAndAcksAndReadsItsCommands() {
    MqttGrants g = MqttGrants.forDevice(DeviceKind.BATTERY, "b1", "ignored");
    assertThat(g.publish()).containsExactlyInAnyOrder("batteries/b1/state", "batteries/b1/acks");
    assertThat(g.subscribe()).containsExactly("batteries/b1/commands");
  }

  @Test
  void aDevicePublishesAcksAndItsMetersReadingsAndReadsItsInstructions() {
    MqttGrants g = MqttGrants.forDevice(DeviceKind.DEVICE, "fan", "fan-meter");
    assertThat(g.publish())
        .containsExactlyInAnyOrder("devices/fan/acks", "sensors/fan-meter/readings");
    assertThat(g.subscribe()).containsExactly("devices/fan/instructions");
  }

  @Test
  void ingestReadsEveryUplinkAlsoSharedAndWritesOnlyCommandTopics() {
    MqttGrants g = MqttGrants.ingest();
    assertThat(g.subscribe())
        .contains("sensors/+/readings", "$share/+/sensors/+/readings", "devices/+/acks")
        .noneMatch(t -> t.endsWith("/commands") || t.endsWith("/instructions"));
    assertThat(g.publish())
        .containsExactlyInAnyOrder("batteries/+/commands", "devices/+/instructions");
  }
}
