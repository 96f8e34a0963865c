package io.voltstream.model;

import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.energy.device.DeviceSpec;
import io.voltstream.energy.market.MarketSpec;
import io.voltstream.model.rules.AutomationRule;
import java.util.Optional;

/**
 * Keys of the compacted {@code registry} topic: {@code building:<id>}, {@code room:<name>}, {@code
 * sensor:<id>}, {@code battery:<id>}, {@code device:<id>}, {@code rule:<id>}, {@code market:<id>}.
 * The value is the entity's JSON ({@link Building}, {@link Room}, {@link Sensor}, {@link
 * BatterySpec}, {@link DeviceSpec}, {@link AutomationRule}, {@link MarketSpec}); a null value
 * (tombstone) deletes it.
 */
public record RegistryKey(Kind kind, String id) {

  public enum Kind {
    BUILDING(Building.class),
    ROOM(Room.class),
    SENSOR(Sensor.class),
    BATTERY(BatterySpec.class),
    DEVICE(DeviceSpec.class),
    RULE(AutomationRule.class),
    MARKET(MarketSpec.class);

    private final Class<?> valueType;

    Kind(Class<?> valueType) {
      this.valueType = valueType;
    }

    /** The record type of this kind's values on the registry topic. */
    public Class<?> valueType() {
      return valueType;
    }

    String prefix() {
      return name().toLowerCase(java.util.Locale.ROOT) + ":";
    }
  }

  public static RegistryKey building(String id) {
    return new RegistryKey(Kind.BUILDING, id);
  }

  public static RegistryKey room(String name) {
    return new RegistryKey(Kind.ROOM, name);
  }

  public static RegistryKey sensor(String id) {
    return new RegistryKey(Kind.SENSOR, id);
  }

  public static RegistryKey battery(String id) {
    return new RegistryKey(Kind.BATTERY, id);
  }

  public static RegistryKey device(String id) {
    return new RegistryKey(Kind.DEVICE, id);
  }

  public static RegistryKey rule(String id) {
    return new RegistryKey(Kind.RULE, id);
  }

  public static RegistryKey market(String id) {
    return new RegistryKey(Kind.MARKET, id);
  }

  /** The key as written to Kafka. */
  public String encode() {
    return kind.prefix() + id;
  }

  /**
   * Parses a Kafka key; empty for keys of other kinds, so newer writers do not break older readers.
   */
  public static Optional<RegistryKey> decode(String key) {
    if (key == null) {
      return Optional.empty();
    }
    for (Kind k : Kind.values()) {
      if (key.startsWith(k.prefix()) && key.length() > k.prefix().length()) {
        return Optional.of(new RegistryKey(k, key.substring(k.prefix().length())));
      }
    }
    return Optional.empty();
  }
}
