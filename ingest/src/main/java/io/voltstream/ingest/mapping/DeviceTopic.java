package io.voltstream.ingest.mapping;

import io.voltstream.model.EntityId;
import io.voltstream.model.command.TargetKind;
import java.util.Optional;

/**
 * The MQTT topics ingest reads besides readings (design §3): {@code batteries/{id}/state}, {@code
 * batteries/{id}/acks} and {@code devices/{id}/acks}. The id follows the {@link EntityId} rule.
 *
 * @param kind battery or device
 * @param id the battery or device id (the topic's middle segment)
 * @param leaf {@code state} or {@code acks}
 */
public record DeviceTopic(TargetKind kind, String id, String leaf) {
  public static final String STATE = "state";
  public static final String ACKS = "acks";

  /** The topic's parts, or empty when it is not one of the topics above with a valid id. */
  public static Optional<DeviceTopic> parse(String mqttTopic) {
    if (mqttTopic == null) {
      return Optional.empty();
    }
    String[] parts = mqttTopic.split("/", -1);
    if (parts.length != 3 || !EntityId.isValid(parts[1])) {
      return Optional.empty();
    }
    for (TargetKind kind : TargetKind.values()) {
      if (!kind.topicRoot().equals(parts[0])) {
        continue;
      }
      boolean known =
          parts[2].equals(ACKS) || (kind == TargetKind.BATTERY && parts[2].equals(STATE));
      return known ? Optional.of(new DeviceTopic(kind, parts[1], parts[2])) : Optional.empty();
    }
    return Optional.empty();
  }

  /** Whether this is a battery's state topic (else an acknowledgement topic). */
  public boolean isState() {
    return leaf.equals(STATE);
  }
}
