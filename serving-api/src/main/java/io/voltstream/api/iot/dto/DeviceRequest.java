package io.voltstream.api.iot.dto;

import io.voltstream.api.error.ApiException;
import io.voltstream.api.error.FieldError;
import io.voltstream.api.registry.Names;
import io.voltstream.energy.EnergyValidationException;
import io.voltstream.energy.device.ControlCapability;
import io.voltstream.energy.device.DeviceSpec;
import io.voltstream.energy.device.DeviceType;
import io.voltstream.energy.device.FlexibilityKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Body of {@code POST /api/v1/iot/devices} ({@code id} required) and {@code PUT …/{id}} ({@code id}
 * optional): the {@link DeviceSpec} fields, snake_case, enums lower case. {@code building} may be
 * omitted (the room's building). Identifiers that break the id rule are 400s; a missing or unknown
 * enum, a missing rated power and every rule of {@link DeviceSpec} are 422s naming the field.
 */
public record DeviceRequest(
    String id,
    String building,
    String room,
    String name,
    String type,
    Double ratedPowerW,
    Boolean controllable,
    Boolean drEnabled,
    String flexibility,
    List<String> controlCapabilities,
    String meterSensorId,
    Double minSetpoint,
    Double maxSetpoint,
    Integer maxCurtailmentMinutes) {

  /**
   * The spec for device {@code deviceId} (the path's id on PUT); {@code roomBuilding} is the
   * building of the named room, used when the body names none.
   */
  public DeviceSpec toSpec(String deviceId, String roomBuilding) {
    Names.require("room", room);
    if (meterSensorId != null) {
      Names.require("meter_sensor_id", meterSensorId);
    }
    if (name != null && name.length() > 128) {
      throw ApiException.invalid(new FieldError("name", "at most 128 characters"));
    }
    if (ratedPowerW == null) {
      throw ApiException.invalid(new FieldError("rated_power_w", "required [W]"));
    }
    boolean isControllable = controllable == null || controllable;
    Set<ControlCapability> capabilities = EnumSet.noneOf(ControlCapability.class);
    if (controlCapabilities != null) {
      for (String c : controlCapabilities) {
        capabilities.add(parse("control_capabilities", c, ControlCapability.class));
      }
    }
    try {
      return new DeviceSpec(
          deviceId,
          building != null ? Names.require("building", building) : roomBuilding,
          room,
          name,
          parse("type", required("type", type), DeviceType.class),
          ratedPowerW,
          isControllable,
          drEnabled != null && drEnabled,
          flexibility == null ? null : parse("flexibility", flexibility, FlexibilityKind.class),
          capabilities,
          meterSensorId,
          minSetpoint,
          maxSetpoint,
          maxCurtailmentMinutes);
    } catch (EnergyValidationException e) {
      throw invalid(e);
    }
  }

  private static String required(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ApiException.invalid(new FieldError(field, "required"));
    }
    return value;
  }

  private static <E extends Enum<E>> E parse(String field, String value, Class<E> type) {
    if (value != null) {
      for (E e : type.getEnumConstants()) {
        if (e.name().equalsIgnoreCase(value.trim())) {
          return e;
        }
      }
    }
    StringBuilder allowed = new StringBuilder();
    for (E e : type.getEnumConstants()) {
      allowed.append(allowed.length() == 0 ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT));
    }
    throw ApiException.invalid(
        new FieldError(field, "must be one of " + allowed + ", was '" + value + "'"));
  }

  /** A 422 naming the rule's field, its message without the "field: " prefix. */
  public static ApiException invalid(EnergyValidationException e) {
    String m = e.getMessage();
    String prefix = e.field() + ": ";
    return ApiException.invalid(
        new FieldError(
            e.field(), m != null && m.startsWith(prefix) ? m.substring(prefix.length()) : m));
  }
}
