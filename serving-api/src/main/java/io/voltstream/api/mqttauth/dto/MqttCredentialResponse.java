package io.voltstream.api.mqttauth.dto;

import java.time.Instant;
import java.util.List;

/**
 * A device's MQTT login, answered once: the API keeps no copy of the password and the broker only a
 * salted hash, so a lost password means rotating it.
 *
 * @param kind sensor, battery or device
 * @param id the device's registry id
 * @param username the MQTT user name (the device id)
 * @param password the new password; shown only in this answer
 * @param rotated true when an earlier password was replaced (and its sessions disconnected)
 * @param publish topics the device may publish to
 * @param subscribe topics the device may subscribe to
 */
public record MqttCredentialResponse(
    String kind,
    String id,
    String username,
    String password,
    boolean rotated,
    Instant issuedAt,
    List<String> publish,
    List<String> subscribe) {
  @Override
  public String toString() {
    return "MqttCredentialResponse[kind="
        + kind
        + ", id="
        + id
        + ", username="
        + username
        + ", password=<redacted>, rotated="
        + rotated
        + "]";
  }
}
