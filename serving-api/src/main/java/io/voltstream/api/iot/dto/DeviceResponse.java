package io.voltstream.api.iot.dto;

import io.voltstream.energy.device.DeviceSpec;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A device: its registry spec (enums lower case) and what its meter last reported: {@code state}
 * on/off/unknown, {@code power_w} and {@code reading_at} (null without a fresh reading).
 */
public record DeviceResponse(
    String id,
    String building,
    String room,
    String name,
    String type,
    double ratedPowerW,
    boolean controllable,
    boolean drEnabled,
    String flexibility,
    List<String> controlCapabilities,
    String meterSensorId,
    Double minSetpoint,
    Double maxSetpoint,
    int maxCurtailmentMinutes,
    String state,
    Double powerW,
    Instant readingAt) {

  public static DeviceResponse from(DeviceSpec d, String state, Double powerW, Instant readingAt) {
    return new DeviceResponse(
        d.id(),
        d.building(),
        d.room(),
        d.name(),
        lower(d.type()),
        d.ratedPowerW(),
        d.controllable(),
        d.drEnabled(),
        lower(d.flexibility()),
        d.controlCapabilities().stream().map(DeviceResponse::lower).sorted().toList(),
        d.meterId(),
        d.minSetpoint(),
        d.maxSetpoint(),
        (int) d.curtailmentLimit().toMinutes(),
        state,
        powerW,
        readingAt);
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
