package io.voltstream.api.mqttauth;

import java.util.List;

/**
 * What one broker account may do: the topics (or, for services, topic patterns with {@code +}) it
 * may publish to and the filters it may subscribe with. A device's grants name only its own topics
 * (design §3); the broker refuses everything else.
 *
 * @param publish topics the account may publish to
 * @param subscribe filters the account may subscribe with (matched as given: a device granted
 *     {@code batteries/b1/commands} cannot subscribe to {@code batteries/#})
 */
public record MqttGrants(List<String> publish, List<String> subscribe) {
  /** The ingest service's account name (the reading subscriber and the command bridge). */
  public static final String INGEST_ACCOUNT = "voltstream-ingest";

  /** Label of service accounts; devices carry their {@link DeviceKind#label()}. */
  public static final String SERVICE_LABEL = "service";

  private static final List<String> DEVICE_UPLINKS =
      List.of("sensors/+/readings", "batteries/+/state", "batteries/+/acks", "devices/+/acks");

  public MqttGrants {
    publish = List.copyOf(publish);
    subscribe = List.copyOf(subscribe);
  }

  /**
   * A device's own topics. A sensor publishes its readings; a battery its state and the acks of its
   * commands and reads its commands; a device its acks and its meter's readings ({@code meterId},
   * the device id unless the registry names another sensor) and reads its instructions.
   */
  public static MqttGrants forDevice(DeviceKind kind, String id, String meterId) {
    return switch (kind) {
      case SENSOR -> new MqttGrants(List.of("sensors/" + id + "/readings"), List.of());
      case BATTERY ->
          new MqttGrants(
              List.of("batteries/" + id + "/state", "batteries/" + id + "/acks"),
              List.of("batteries/" + id + "/commands"));
      case DEVICE ->
          new MqttGrants(
              List.of("devices/" + id + "/acks", "sensors/" + meterId + "/readings"),
              List.of("devices/" + id + "/instructions"));
    };
  }

  /**
   * Ingest: subscribes to every device's uplink topics, plainly or as a shared subscription of any
   * group ({@code $share/<group>/…}, which mosquitto checks as written), and the command bridge in
   * the same process publishes battery commands and device instructions. Mirrors ingest's
   * IngestConfig filters.
   */
  public static MqttGrants ingest() {
    List<String> shared = DEVICE_UPLINKS.stream().map(t -> "$share/+/" + t).toList();
    return new MqttGrants(
        List.of("batteries/+/commands", "devices/+/instructions"),
        java.util.stream.Stream.concat(DEVICE_UPLINKS.stream(), shared.stream()).toList());
  }
}
