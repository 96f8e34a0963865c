package io.voltstream.launcher;

import io.voltstream.forecast.streaming.ForecastTarget;
import io.voltstream.forecast.streaming.InfluxHistoryReader;
import io.voltstream.influx.InfluxClient;
import io.voltstream.infra.Waits;
import io.voltstream.ingest.IngestConfig;
import io.voltstream.ingest.kafka.KafkaRecordSink;
import io.voltstream.model.Json;
import io.voltstream.model.SensorReading;
import io.voltstream.sim.SimulatorConfig;
import io.voltstream.sim.building.DemoBuilding;
import io.voltstream.sim.registry.RegistryPublisher;
import io.voltstream.sim.registry.RegistryRecords;
import io.voltstream.sim.scenario.CommunityMember;
import io.voltstream.sim.scenario.DemoCommunity;
import io.voltstream.sim.scenario.DemoHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's history from the first minute (issue 11 item 8). On a first start (the data directory
 * holds no InfluxDB data yet) the demo community's last {@code days} of meter readings are made by
 * the simulators' own {@link DemoHistory} and written to Kafka {@code readings} through ingest's
 * {@link KafkaRecordSink} (the same producer, topic, key and encoding as a live reading), after
 * registering the community in {@code registry}. The running Flink jobs then process them like live
 * readings: room aggregation writes {@code room_metrics}, the demand-response job fills its import
 * history (the baselines), the market agents and dispatch see the meters. It runs before ingest and
 * the live simulators start, so every history reading is older than every live one and nothing is
 * late. A marker file records what was written; a restart never writes it again.
 */
final class DemoBackfill {
  private static final Logger LOG = LoggerFactory.getLogger(DemoBackfill.class);

  /** Written after the history was stored in Kafka; its presence means "done". */
  static final String MARKER = "demo-history.json";

  /** One reading per meter and step; the live meters read every few seconds. */
  static final Duration STEP = Duration.ofMinutes(5);

  private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(60);

  /** What a backfill wrote. */
  record Result(Instant from, Instant until, long readings, Duration took) {}

  private DemoBackfill() {}

  /** A first start: no InfluxDB data and no marker in the data directory. */
  static boolean isFirstStart(Path dataDir) {
    return !Files.exists(dataDir.resolve("influxdb")) && !Files.exists(dataDir.resolve(MARKER));
  }

  /**
   * Writes the community's readings of the {@code days} before now (whole 5-minute steps) to Kafka
   * and the marker; {@code env} = the stack's settings (Kafka bootstrap, topic, seed, rooms).
   */
  static Result run(Map<String, String> env, Path dataDir, int days, Clock clock) {
    long started = System.nanoTime();
    SimulatorConfig sim = SimulatorConfig.fromEnv(env);
    IngestConfig ingest = IngestConfig.fromEnv(env);
    List<CommunityMember> community =
        DemoCommunity.members(DemoBuilding.layout(sim.rooms(), sim.sensorsPerRoom()));
    RegistryPublisher.register(
        ingest.kafkaBootstrap(),
        RegistryRecords.ofCommunity(DemoCommunity.market(), community),
        KAFKA_TIMEOUT);
    Instant now = clock.instant();
    Instant until =
        Instant.ofEpochSecond(now.getEpochSecond() / STEP.toSeconds() * STEP.toSeconds());
    Instant from = until.minus(Duration.ofDays(days));
    KafkaRecordSink sink = KafkaRecordSink.create(ingest);
    long readings;
    try {
      readings =
          DemoHistory.generate(
              community, sim.seed(), from, until, STEP, now, batch -> send(sink, batch));
      sink.flush();
    } finally {
      sink.close(KAFKA_TIMEOUT);
    }
    Result result =
        new Result(from, until, readings, Duration.ofNanos(System.nanoTime() - started));
    writeMarker(dataDir, result);
    LOG.info(
        "Demo history: {} readings from {} to {} written to Kafka in {} s",
        readings,
        from,
        until,
        result.took().toSeconds());
    return result;
  }

  private static void send(KafkaRecordSink sink, List<SensorReading> batch) {
    try {
      sink.send(batch, List.of(), List.of(), List.of())
          .get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("writing the demo history to Kafka failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing the demo history", e);
    }
  }

  /**
   * Waits until the jobs stored the history's last full hour for every building in {@code
   * room_metrics} (what the forecast service reads); false after {@code timeout}.
   */
  static boolean awaitStored(InfluxClient influx, Result result, Duration timeout) {
    Instant lastHour = result.until().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
    var reader = new InfluxHistoryReader(influx);
    List<String> buildings =
        DemoCommunity.members(DemoBuilding.layout(1, 1)).stream()
            .map(CommunityMember::buildingId)
            .toList();
    return Waits.until(
        () ->
            buildings.stream()
                .allMatch(
                    b -> {
                      try {
                        return !Double.isNaN(
                            reader
                                .hourly(
                                    b,
                                    ForecastTarget.CONSUMPTION,
                                    lastHour,
                                    lastHour.plus(Duration.ofHours(1)))
                                .target(lastHour));
                      } catch (RuntimeException e) {
                        return false;
                      }
                    }),
        timeout,
        Duration.ofSeconds(2));
  }

  private static void writeMarker(Path dataDir, Result result) {
    Map<String, Object> marker = new LinkedHashMap<>();
    marker.put("from", result.from().toString());
    marker.put("until", result.until().toString());
    marker.put("readings", result.readings());
    marker.put("took_ms", result.took().toMillis());
    try {
      Files.createDirectories(dataDir);
      Files.writeString(dataDir.resolve(MARKER), Json.MAPPER.writeValueAsString(marker));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
