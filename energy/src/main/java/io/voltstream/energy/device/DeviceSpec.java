package io.voltstream.energy.device;

import static io.voltstream.energy.EnergyValidationException.requireInRange;
import static io.voltstream.energy.EnergyValidationException.requireText;

import io.voltstream.energy.EnergyValidationException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A controllable device as the registry stores it ({@code device:<id>}, JSON through the shared
 * snake_case mapper): {@code {"id","building","room","name","type","rated_power_w","controllable",
 * "dr_enabled","flexibility","control_capabilities","meter_sensor_id","min_setpoint",
 * "max_setpoint","max_curtailment_minutes"}}.
 *
 * <p>Its consumption arrives as ordinary readings of its meter ({@link #meterId()}: {@code
 * meter_sensor_id}, or the device id when absent), so room and building aggregates include it.
 *
 * @param id device id (the MQTT topic segment of {@code devices/{id}/instructions})
 * @param building building it belongs to
 * @param room room it stands in
 * @param name display name, optional
 * @param type kind of device
 * @param ratedPowerW nameplate consumption when on [W], &gt; 0
 * @param controllable whether Voltstream may send it instructions at all
 * @param drEnabled whether demand response and flexibility may count on it
 * @param flexibility curtailable, shiftable or none (required to be none unless DR-enabled)
 * @param controlCapabilities what it accepts; empty when not controllable
 * @param meterSensorId the sensor measuring its consumption, optional (default: the device id)
 * @param minSetpoint lowest accepted setpoint (device unit, e.g. °C), with {@code setpoint}
 * @param maxSetpoint highest accepted setpoint, with {@code setpoint}
 * @param maxCurtailmentMinutes comfort limit: longest curtailment or deferral, optional (default by
 *     {@link DeviceType#defaultCurtailmentLimit()})
 */
public record DeviceSpec(
    String id,
    String building,
    String room,
    String name,
    DeviceType type,
    double ratedPowerW,
    boolean controllable,
    boolean drEnabled,
    FlexibilityKind flexibility,
    Set<ControlCapability> controlCapabilities,
    String meterSensorId,
    Double minSetpoint,
    Double maxSetpoint,
    Integer maxCurtailmentMinutes) {

  public DeviceSpec {
    requireText("id", id);
    requireText("building", building);
    requireText("room", room);
    if (type == null) {
      throw new EnergyValidationException("type", "is required");
    }
    requireInRange("rated_power_w", ratedPowerW, 1.0, 1e7);
    flexibility = flexibility == null ? FlexibilityKind.NONE : flexibility;
    controlCapabilities =
        controlCapabilities == null || controlCapabilities.isEmpty()
            ? Set.of()
            : Set.copyOf(EnumSet.copyOf(controlCapabilities));
    if (!controllable && !controlCapabilities.isEmpty()) {
      throw new EnergyValidationException(
          "control_capabilities", "must be empty for a device that is not controllable");
    }
    if (flexibility != FlexibilityKind.NONE && !drEnabled) {
      throw new EnergyValidationException(
          "flexibility", "must be none unless dr_enabled (was " + lower(flexibility) + ")");
    }
    if (flexibility == FlexibilityKind.CURTAILABLE
        && !controlCapabilities.contains(ControlCapability.CURTAIL)) {
      throw new EnergyValidationException(
          "control_capabilities", "a curtailable device needs the curtail capability");
    }
    if (flexibility == FlexibilityKind.SHIFTABLE
        && !controlCapabilities.contains(ControlCapability.SHIFT)) {
      throw new EnergyValidationException(
          "control_capabilities", "a shiftable device needs the shift capability");
    }
    if ((controlCapabilities.contains(ControlCapability.CURTAIL)
            || controlCapabilities.contains(ControlCapability.SHIFT))
        && !controlCapabilities.contains(ControlCapability.ON_OFF)
        && !controlCapabilities.contains(ControlCapability.SETPOINT)) {
      throw new EnergyValidationException(
          "control_capabilities", "curtail and shift are carried out by on_off or setpoint");
    }
    if (controlCapabilities.contains(ControlCapability.SETPOINT)) {
      if (minSetpoint == null || maxSetpoint == null) {
        throw new EnergyValidationException(
            minSetpoint == null ? "min_setpoint" : "max_setpoint",
            "is required with the setpoint capability");
      }
      requireInRange("min_setpoint", minSetpoint, -1e6, 1e6);
      requireInRange("max_setpoint", maxSetpoint, minSetpoint, 1e6);
    }
    if (meterSensorId != null && meterSensorId.isBlank()) {
      meterSensorId = null;
    }
    if (maxCurtailmentMinutes != null) {
      requireInRange("max_curtailment_minutes", maxCurtailmentMinutes, 1, 7 * 24 * 60);
    }
  }

  /** The sensor whose readings are this device's consumption. */
  public String meterId() {
    return meterSensorId != null ? meterSensorId : id;
  }

  /** The comfort limit: longest curtailment or deferral. */
  public Duration curtailmentLimit() {
    return maxCurtailmentMinutes != null
        ? Duration.ofMinutes(maxCurtailmentMinutes)
        : type.defaultCurtailmentLimit();
  }

  /** Share of the rated power above which a device counts as on (summary, flexibility). */
  public static final double ON_FRACTION = 0.05;

  /** Whether a metered power (magnitude) [W] means the device is on. */
  public boolean isOn(double powerW) {
    return Math.abs(powerW) > ON_FRACTION * ratedPowerW;
  }

  public boolean can(ControlCapability capability) {
    return controlCapabilities.contains(capability);
  }

  /**
   * Why this device cannot carry out {@code action} ({@code on}, {@code off} or {@code setpoint},
   * case-insensitive) with {@code value}; empty when it can. The exception's field is the request
   * field to blame ({@code action} or {@code value}).
   */
  public Optional<EnergyValidationException> refusal(String action, Double value) {
    if (!controllable) {
      return Optional.of(
          new EnergyValidationException("action", "device " + id + " is not controllable"));
    }
    String a = action == null ? "" : action.trim().toLowerCase(Locale.ROOT);
    switch (a) {
      case "on", "off" -> {
        if (!can(ControlCapability.ON_OFF)) {
          return Optional.of(
              new EnergyValidationException(
                  "action", "device " + id + " has no on_off capability"));
        }
        return Optional.empty();
      }
      case "setpoint" -> {
        if (!can(ControlCapability.SETPOINT)) {
          return Optional.of(
              new EnergyValidationException(
                  "action", "device " + id + " has no setpoint capability"));
        }
        if (value == null || !Double.isFinite(value)) {
          return Optional.of(new EnergyValidationException("value", "is required for setpoint"));
        }
        if (value < minSetpoint || value > maxSetpoint) {
          return Optional.of(
              new EnergyValidationException(
                  "value",
                  "must be in ["
                      + minSetpoint
                      + ", "
                      + maxSetpoint
                      + "] for "
                      + id
                      + ", was "
                      + value));
        }
        return Optional.empty();
      }
      default -> {
        return Optional.of(
            new EnergyValidationException("action", "must be on, off or setpoint, was " + action));
      }
    }
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
