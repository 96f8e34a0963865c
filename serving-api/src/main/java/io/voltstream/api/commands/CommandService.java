package io.voltstream.api.commands;

import io.voltstream.api.influx.InfluxReader;
import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.Schema;
import io.voltstream.influx.Series;
import io.voltstream.model.command.Command;
import io.voltstream.model.command.CommandState;
import io.voltstream.model.command.CommandStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues commands and answers their status. Issuing publishes to the log of record and remembers
 * the command as {@code pending} on this instance (read-your-writes: a just-issued command reads
 * {@code pending} before the command-status job has written anything). Later statuses come from
 * InfluxDB {@code commands}, written by the command-status job; the newest of the two wins.
 *
 * <p>The pending memory is bounded ({@link #MAX_REMEMBERED}, oldest forgotten first); a command it
 * forgot is still found in InfluxDB once the status job has seen it.
 */
public final class CommandService {
  private static final Logger LOG = LoggerFactory.getLogger(CommandService.class);
  static final int MAX_REMEMBERED = 10_000;

  /**
   * How far back a status lookup searches InfluxDB; commands live at most a day (duration_s ≤
   * 86400).
   */
  static final Duration LOOKBACK = Duration.ofDays(7);

  private final CommandPublisher publisher;
  private final InfluxReader influx;
  private final Clock clock;
  private final Map<String, CommandStatus> issued =
      Collections.synchronizedMap(
          new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CommandStatus> eldest) {
              return size() > MAX_REMEMBERED;
            }
          });

  public CommandService(CommandPublisher publisher, InfluxReader influx, Clock clock) {
    this.publisher = publisher;
    this.influx = influx;
    this.clock = clock;
  }

  /** Publishes {@code c} (blocking until Kafka acknowledges it) and returns its pending status. */
  public CommandStatus issue(Command c) {
    publisher.publish(c);
    CommandStatus pending = CommandStatus.pending(c);
    issued.put(c.commandId(), pending);
    return pending;
  }

  /** The newest command this instance issued to {@code target}, as issued (pending). */
  public Optional<CommandStatus> latestIssuedFor(String target) {
    synchronized (issued) {
      CommandStatus newest = null;
      for (CommandStatus s : issued.values()) {
        if (target.equals(s.target())
            && (newest == null || !s.issuedAt().isBefore(newest.issuedAt()))) {
          newest = s;
        }
      }
      return Optional.ofNullable(newest);
    }
  }

  /**
   * The latest known status of a command, empty when neither this instance nor InfluxDB knows it.
   */
  public Optional<CommandStatus> status(String commandId) {
    Optional<CommandStatus> local = Optional.ofNullable(issued.get(commandId));
    Optional<InfluxStatus> stored;
    try {
      stored = fromInflux(commandId);
    } catch (RuntimeException e) {
      if (local.isEmpty()) {
        throw e;
      }
      LOG.warn(
          "command {}: InfluxDB unavailable, answering the local status: {}",
          commandId,
          e.toString());
      return local;
    }
    if (stored.isEmpty()) {
      return local;
    }
    InfluxStatus s = stored.get();
    if (local.isPresent()) {
      CommandStatus l = local.get();
      return Optional.of(
          new CommandStatus(
              l.commandId(),
              l.targetKind(),
              l.target(),
              l.building(),
              l.kind(),
              l.source(),
              l.battery(),
              l.device(),
              s.state(),
              s.reason(),
              l.issuedAt(),
              l.validUntil(),
              s.at(),
              s.ackLatency()));
    }
    return Optional.of(
        new CommandStatus(
            commandId,
            null,
            s.target(),
            s.building(),
            null,
            null,
            null,
            null,
            s.state(),
            s.reason(),
            s.issuedAt(),
            s.validUntil(),
            s.at(),
            s.ackLatency()));
  }

  /** A status row of InfluxDB {@code commands}. */
  record InfluxStatus(
      String target,
      String building,
      CommandState state,
      String reason,
      Instant issuedAt,
      Instant validUntil,
      Instant at,
      Duration ackLatency) {}

  private Optional<InfluxStatus> fromInflux(String commandId) {
    var m = Schema.COMMANDS;
    // command_id is a field, not a tag: bounded by LOOKBACK so the scan stays small.
    List<Series> rows =
        influx.query(
            InfluxQuery.of("SELECT ")
                .columns(
                    m.status,
                    m.reason,
                    m.validUntil,
                    m.statusAt,
                    m.ackLatencyMs,
                    m.target,
                    m.building)
                .text(" FROM ")
                .from(m)
                .text(" WHERE ")
                .column(m.commandId)
                .text(" = ")
                .literal(commandId)
                .text(" AND time >= ")
                .time(clock.instant().minus(LOOKBACK)));
    InfluxStatus latest = null;
    for (Series s : rows) {
      for (List<Object> row : s.values()) {
        String status = Series.string(row, s.column(m.status));
        if (status == null) {
          continue;
        }
        Instant issuedAt = s.time(row);
        Double statusAt = Series.number(row, s.column(m.statusAt));
        Instant at = statusAt == null ? issuedAt : Instant.ofEpochMilli(statusAt.longValue());
        if (latest != null && !at.isAfter(latest.at())) {
          continue;
        }
        Double validUntil = Series.number(row, s.column(m.validUntil));
        Double latency = Series.number(row, s.column(m.ackLatencyMs));
        latest =
            new InfluxStatus(
                Series.string(row, s.column(m.target)),
                Series.string(row, s.column(m.building)),
                CommandState.valueOf(status.toUpperCase(Locale.ROOT)),
                Series.string(row, s.column(m.reason)),
                issuedAt,
                validUntil == null ? null : Instant.ofEpochMilli(validUntil.longValue()),
                at,
                latency == null ? null : Duration.ofMillis(latency.longValue()));
      }
    }
    return Optional.ofNullable(latest);
  }
}
