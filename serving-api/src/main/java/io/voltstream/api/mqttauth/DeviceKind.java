package io.voltstream.api.mqttauth;

/**
 * The kinds of MQTT device the registry knows, each with the label its broker account carries (so a
 * sensor and a battery of the same id cannot take over each other's account).
 */
public enum DeviceKind {
  SENSOR("sensor"),
  BATTERY("battery"),
  DEVICE("device");

  private final String label;

  DeviceKind(String label) {
    this.label = label;
  }

  /** {@code sensor}, {@code battery} or {@code device}. */
  public String label() {
    return label;
  }
}
