package io.voltstream.api.batteries;

import io.voltstream.api.batteries.dto.BatteryResponse;
import io.voltstream.api.batteries.dto.BatteryResponse.BatteryState;
import io.voltstream.api.batteries.dto.LastCommand;
import io.voltstream.api.commands.CommandService;
import io.voltstream.api.influx.InfluxReader;
import io.voltstream.api.registry.RegistryService;
import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.Schema;
import io.voltstream.influx.Series;
import io.voltstream.model.command.BatteryMode;
import io.voltstream.model.command.BatterySetpoint;
import io.voltstream.model.command.Command;
import io.voltstream.model.command.CommandSource;
import io.voltstream.model.command.CommandStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Batteries with their latest state, and manual commands to them. The spec comes from the registry;
 * the latest state from InfluxDB {@code battery_state} ({@code last()} of each field per battery
 * over {@link #STATE_MAX_AGE}: written by the battery-state job from Kafka {@code battery-state});
 * the last command from InfluxDB {@code commands} (one point per command, updated in place by the
 * command-status job) or, newer, from this instance's just-issued commands.
 */
public final class BatteryService {
  /** A state older than this is not shown (the battery is then reported without state). */
  static final Duration STATE_MAX_AGE = Duration.ofDays(1);

  private final RegistryService registry;
  private final InfluxReader influx;
  private final CommandService commands;
  private final Clock clock;

  public BatteryService(
      RegistryService registry, InfluxReader influx, CommandService commands, Clock clock) {
    this.registry = registry;
    this.influx = influx;
    this.commands = commands;
    this.clock = clock;
  }

  /** The batteries whose building {@code visible} accepts, with their latest state. */
  public List<BatteryResponse> list(Predicate<String> visibleBuilding) {
    List<BatterySpec> specs =
        registry.batteries().stream().filter(b -> visibleBuilding.test(b.building())).toList();
    if (specs.isEmpty()) {
      return List.of();
    }
    Map<String, BatteryState> states = latestStates();
    Map<String, LastCommand> lastCommands = lastCommands();
    return specs.stream()
        .map(
            b ->
                BatteryResponse.from(
                    b,
                    states.get(b.id()),
                    newer(
                        lastCommands.get(b.id()),
                        commands
                            .latestIssuedFor(b.id())
                            .map(BatteryService::lastCommand)
                            .orElse(null))))
        .toList();
  }

  public BatteryResponse get(BatterySpec spec) {
    return list(spec.building()::equals).stream()
        .filter(r -> r.id().equals(spec.id()))
        .findFirst()
        .orElseThrow();
  }

  /**
   * Issues a manual setpoint to {@code battery} valid for {@code duration}; returns its pending
   * status.
   */
  public CommandStatus command(
      BatterySpec battery, BatteryMode mode, double powerW, Duration duration, String issuedBy) {
    Command c =
        Command.battery(
            UUID.randomUUID().toString(),
            battery.id(),
            battery.building(),
            // millisecond precision: InfluxDB and the device contract carry epoch milliseconds
            new BatterySetpoint(mode, powerW),
            clock.instant().truncatedTo(ChronoUnit.MILLIS),
            duration,
            CommandSource.MANUAL,
            issuedBy);
    return commands.issue(c);
  }

  private Map<String, BatteryState> latestStates() {
    var m = Schema.BATTERY_STATE;
    Map<String, BatteryState> out = new HashMap<>();
    List<Series> rows =
        influx.query(
            InfluxQuery.of("SELECT ")
                .aggregate("last", m.socPercent)
                .text(", ")
                .aggregate("last", m.powerW)
                .text(", ")
                .aggregate("last", m.sohPercent)
                .text(", ")
                .aggregate("last", m.mode)
                .text(" FROM ")
                .from(m)
                .text(" WHERE time >= ")
                .time(clock.instant().minus(STATE_MAX_AGE))
                .text(" GROUP BY ")
                .column(m.batteryId));
    for (Series s : rows) {
      for (List<Object> row : s.values()) {
        out.put(
            s.tag(m.batteryId),
            new BatteryState(
                Series.number(row, s.column(m.socPercent)),
                Series.number(row, s.column(m.powerW)),
                Series.number(row, s.column(m.sohPercent)),
                Series.string(row, s.column(m.mode))));
      }
    }
    return out;
  }

  private Map<String, LastCommand> lastCommands() {
    var m = Schema.COMMANDS;
    Map<String, LastCommand> out = new HashMap<>();
    List<Series> rows =
        influx.query(
            InfluxQuery.of("SELECT ")
                .aggregate("last", m.commandId)
                .text(", ")
                .aggregate("last", m.status)
                .text(", ")
                .aggregate("last", m.statusAt)
                .text(" FROM ")
                .from(m)
                .text(" WHERE ")
                .column(m.targetKind)
                .text(" = 'battery' AND time >= ")
                .time(clock.instant().minus(STATE_MAX_AGE))
                .text(" GROUP BY ")
                .column(m.target));
    for (Series s : rows) {
      for (List<Object> row : s.values()) {
        Double at = Series.number(row, s.column(m.statusAt));
        out.put(
            s.tag(m.target),
            new LastCommand(
                Series.string(row, s.column(m.commandId)),
                Series.string(row, s.column(m.status)),
                at == null ? null : Instant.ofEpochMilli(at.longValue())));
      }
    }
    return out;
  }

  private static LastCommand lastCommand(CommandStatus s) {
    return new LastCommand(s.commandId(), s.state().name().toLowerCase(Locale.ROOT), s.at());
  }

  /**
   * The later of two (either may be null); InfluxDB's wins a tie, it knows the later status of the
   * same command.
   */
  private static LastCommand newer(LastCommand stored, LastCommand local) {
    if (stored == null || stored.at() == null) {
      return local != null ? local : stored;
    }
    if (local == null || local.id().equals(stored.id())) {
      return stored;
    }
    return local.at().isAfter(stored.at()) ? local : stored;
  }
}
