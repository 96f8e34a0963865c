package io.voltstream.api.iot;

import io.voltstream.api.commands.CommandService;
import io.voltstream.api.influx.InfluxReader;
import io.voltstream.api.iot.DeviceStates.MeterPower;
import io.voltstream.api.iot.dto.DeviceResponse;
import io.voltstream.api.iot.dto.DeviceSummaryResponse;
import io.voltstream.api.registry.RegistryService;
import io.voltstream.energy.device.DeviceSpec;
import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.Schema;
import io.voltstream.influx.Series;
import io.voltstream.model.command.Command;
import io.voltstream.model.command.CommandSource;
import io.voltstream.model.command.CommandStatus;
import io.voltstream.model.command.DeviceInstruction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Devices with what their meters last reported, their summary, and manual instructions to them. The
 * spec comes from the registry; a device's consumption is the latest {@code power_w} of its meter
 * sensor in InfluxDB {@code readings} within {@link #FRESHNESS} ({@code last()} per meter, one
 * query for all listed devices). Instructions go to Kafka {@code commands} through the {@link
 * CommandService} (source manual), so their status is readable at {@code GET /commands/{id}}.
 */
public final class DeviceService {
  /** A meter reading older than this says nothing about the device now. */
  public static final Duration FRESHNESS = Duration.ofMinutes(5);

  /**
   * How long a device may take to accept an instruction (its {@code valid_until}); an instruction
   * with a shorter {@code duration_s} is valid only that long.
   */
  public static final Duration ACCEPT_WITHIN = Duration.ofMinutes(5);

  private final RegistryService registry;
  private final InfluxReader influx;
  private final CommandService commands;
  private final Clock clock;

  public DeviceService(
      RegistryService registry, InfluxReader influx, CommandService commands, Clock clock) {
    this.registry = registry;
    this.influx = influx;
    this.commands = commands;
    this.clock = clock;
  }

  /** The devices {@code visible} accepts, with their meters' latest power. */
  public List<DeviceResponse> list(Predicate<DeviceSpec> visible) {
    List<DeviceSpec> devices = registry.devices().stream().filter(visible).toList();
    if (devices.isEmpty()) {
      return List.of();
    }
    Instant now = clock.instant();
    Map<String, MeterPower> latest = latestPower(devices, now);
    return devices.stream()
        .map(
            d -> {
              MeterPower m = latest.get(d.meterId());
              DeviceStates.State state = DeviceStates.stateOf(d, m, now, FRESHNESS);
              boolean fresh = state != DeviceStates.State.UNKNOWN;
              return DeviceResponse.from(
                  d, state.wireName(), fresh ? m.powerW() : null, fresh ? m.at() : null);
            })
        .toList();
  }

  public DeviceResponse get(DeviceSpec device) {
    return list(d -> d.id().equals(device.id())).stream().findFirst().orElseThrow();
  }

  /** The summary over the devices {@code visible} accepts. */
  public DeviceSummaryResponse summary(Predicate<DeviceSpec> visible) {
    List<DeviceSpec> devices = registry.devices().stream().filter(visible).toList();
    Instant now = clock.instant();
    Map<String, MeterPower> latest = devices.isEmpty() ? Map.of() : latestPower(devices, now);
    DeviceStates.Summary s = DeviceStates.summarize(devices, latest, now, FRESHNESS);
    return new DeviceSummaryResponse(
        now,
        FRESHNESS.toSeconds(),
        s.counts().total(),
        Map.of("on", s.counts().on(), "off", s.counts().off(), "unknown", s.counts().unknown()),
        s.byType(),
        s.byRoom(),
        DeviceSummaryResponse.round(s.controllablePowerW(), 1),
        DeviceSummaryResponse.round(s.controllablePowerW() / 1000.0, 3),
        DeviceSummaryResponse.round(s.curtailablePowerW(), 1),
        DeviceSummaryResponse.round(s.curtailablePowerW() / 1000.0, 3));
  }

  /** Issues a manual instruction to {@code device}; returns its pending status. */
  public CommandStatus instruct(DeviceSpec device, DeviceInstruction instruction, String issuedBy) {
    Duration validFor =
        instruction.duration().filter(d -> d.compareTo(ACCEPT_WITHIN) < 0).orElse(ACCEPT_WITHIN);
    Command c =
        Command.device(
            UUID.randomUUID().toString(),
            device.id(),
            device.building(),
            instruction,
            // millisecond precision: InfluxDB and the device contract carry epoch milliseconds
            clock.instant().truncatedTo(ChronoUnit.MILLIS),
            validFor,
            CommandSource.MANUAL,
            issuedBy);
    return commands.issue(c);
  }

  private Map<String, MeterPower> latestPower(List<DeviceSpec> devices, Instant now) {
    var m = Schema.READINGS;
    InfluxQuery q =
        InfluxQuery.of("SELECT ")
            .aggregate("last", m.powerW)
            .text(" FROM ")
            .from(m)
            .text(" WHERE time >= ")
            .time(now.minus(FRESHNESS))
            .text(" AND (");
    for (int i = 0; i < devices.size(); i++) {
      q.text(i == 0 ? "" : " OR ").eq(m.sensorId, "meter_sensor_id", devices.get(i).meterId());
    }
    q.text(") GROUP BY ").column(m.sensorId);
    Map<String, MeterPower> out = new HashMap<>();
    for (Series s : influx.query(q)) {
      for (List<Object> row : s.values()) {
        Double power = Series.number(row, s.column(m.powerW));
        if (power != null) {
          out.put(s.tag(m.sensorId), new MeterPower(power, s.time(row)));
        }
      }
    }
    return out;
  }
}
