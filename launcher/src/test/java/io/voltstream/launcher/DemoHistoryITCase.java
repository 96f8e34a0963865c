package io.voltstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.forecast.cli.ForecastCommand;
import io.voltstream.forecast.pv.ClearSkyPvForecaster;
import io.voltstream.influx.InfluxClient;
import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.Schema;
import io.voltstream.influx.Series;
import io.voltstream.infra.Waits;
import io.voltstream.sim.scenario.DemoCommunity;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Issue 11 item 8 on the stack {@code ./voltstream demo} runs ({@link DemoStack}, real Kafka,
 * influxd, MiniCluster with every job; live simulators off so only the history feeds the jobs): a
 * first start writes four weeks of the community's history, the jobs store it, and the forecast
 * service's first run forecasts every building from models (consumption from a saved model, PV from
 * the clear-sky forecaster), none {@code history_short}; the demand-response job's input (the
 * buildings' metered energy) covers its 15-day baseline history; a second look at the data
 * directory does not write it again.
 */
class DemoHistoryITCase {
  private static final Logger LOG = LoggerFactory.getLogger(DemoHistoryITCase.class);
  private static final Duration FORECASTS_TIMEOUT = Duration.ofMinutes(5);
  private static final List<String> BUILDINGS =
      List.of("demo", DemoCommunity.HOME_EAST_ID, DemoCommunity.OFFICE_WEST_ID);

  @TempDir Path dataDir;

  @Test
  void shouldForecastFromModelsAndHoldTheDrHistoryRightAfterAFirstStart() throws Exception {
    // a small consumption model, as the demo trains on first start (fewer trees: quicker)
    Path csv = Path.of("../data/uci-appliances/energydata_2016-02-14_2016-04-30.csv");
    assertThat(csv).isRegularFile();
    int trained =
        new CommandLine(new ForecastCommand())
            .execute(
                "train",
                "--input",
                csv.toString(),
                "--to",
                "2016-03-20",
                "--normalization",
                "LEVEL",
                "--weather",
                "NONE",
                "--trees",
                "10",
                "--out",
                dataDir.resolve("models").toString(),
                "--name",
                "consumption");
    assertThat(trained).isZero();
    Map<String, String> env = new HashMap<>();
    env.put("VOLTSTREAM_DATA_DIR", dataDir.toString());
    env.put("VOLTSTREAM_KAFKA_PORT", "0");
    env.put("VOLTSTREAM_MQTT_PORT", "0");
    env.put("VOLTSTREAM_INFLUX_PORT", "0");
    env.put("VOLTSTREAM_API_HOST", "127.0.0.1");
    env.put("VOLTSTREAM_API_PORT", "0");
    // The default source idleness (30 s), not a short one: Flink counts idleness in processing
    // time, so while the backfill back-pressures the jobs a partition that emits nothing for 2 s
    // is marked idle, the others carry the watermark past it, and its next readings are late (a
    // full build lost home-east's PV readings from day 12 on that way).
    assertThat(DemoBackfill.isFirstStart(dataDir)).isTrue();

    long startedAt = System.nanoTime();
    try (DemoStack stack = DemoStack.start(env, new DemoStack.Options(false, true, 0, false, 28))) {
      DemoBackfill.Result history = stack.history().orElseThrow();
      LOG.info(
          "History: {} readings written in {} ms (stack start {} s)",
          history.readings(),
          history.took().toMillis(),
          Duration.ofNanos(System.nanoTime() - startedAt).toSeconds());
      assertThat(Duration.between(history.from(), history.until())).isEqualTo(Duration.ofDays(28));
      var influx =
          new InfluxClient(URI.create(stack.infra().influx().url()), stack.infra().database());

      // the forecast service's first run, after the history is stored
      assertThat(Waits.until(() -> everyBuildingForecast(influx), FORECASTS_TIMEOUT))
          .as("forecasts of every building and target within %s", FORECASTS_TIMEOUT)
          .isTrue();
      LOG.info(
          "First forecasts {} s after the start",
          Duration.ofNanos(System.nanoTime() - startedAt).toSeconds());
      // Four weeks of history let the production guard score each candidate day-ahead on the
      // trailing 7 days (>= 96 h) at once: the candidate (the demo's saved consumption model, the
      // PV forecaster) is served, or the ensemble because it scored better there — never a
      // fallback for want of history (history_short, no_history).
      Map<String, ServedForecast> served = servedForecasts(influx);
      LOG.info(
          "Served at the first run: {}; generation per day and building: {}",
          served,
          influx.query(
              InfluxQuery.of("SELECT ")
                  .aggregate("count", Schema.ROOM_METRICS.generationKwh, "count")
                  .text(", ")
                  .aggregate("sum", Schema.ROOM_METRICS.generationKwh, "sum")
                  .text(" FROM ")
                  .from(Schema.ROOM_METRICS)
                  .text(" WHERE time > now() - 29d GROUP BY time(1d), ")
                  .column(Schema.ROOM_METRICS.building)
                  .text(" fill(none)")));
      for (String b : BUILDINGS) {
        for (String target : List.of("consumption", "generation")) {
          ServedForecast f = served.get(b + "/" + target);
          assertThat(f).as("forecast of %s/%s", b, target).isNotNull();
          if (target.equals("generation")) {
            assertThat(f.candidate()).as(b).isEqualTo(ClearSkyPvForecaster.MODEL_ID);
          } else {
            assertThat(f.candidate()).as(b).startsWith("consumption-");
          }
          assertThat(f.guardHours())
              .as("hours the guard scored for %s/%s", b, target)
              .isGreaterThanOrEqualTo(96);
          if (f.fallback()) {
            assertThat(f.reason()).as(b + "/" + target).isEqualTo("guard_baseline_better");
          } else {
            assertThat(f.modelId()).as(b + "/" + target).isEqualTo(f.candidate());
          }
        }
      }
      LOG.info("Served after the first start: {}", served);
      assertThat(fallbackReasons(influx)).doesNotContain("history_short", "no_history");

      // the DR job's baseline input: every building metered on each of the 15 days before now
      for (String b : BUILDINGS) {
        assertThat(daysWithEnergy(influx, b, history.until().minus(Duration.ofDays(15))))
            .as("days with metered energy in the DR history window of %s", b)
            .isGreaterThanOrEqualTo(15);
      }
    }
    assertThat(Files.exists(dataDir.resolve(DemoBackfill.MARKER))).isTrue();
    assertThat(DemoBackfill.isFirstStart(dataDir)).as("a restart writes no history").isFalse();
  }

  private static boolean everyBuildingForecast(InfluxClient influx) {
    Set<String> kinds = forecastKinds(influx);
    return BUILDINGS.stream()
        .allMatch(
            b ->
                kinds.stream().anyMatch(k -> k.startsWith(b + "/generation/"))
                    && kinds.stream().anyMatch(k -> k.startsWith(b + "/consumption/")));
  }

  /** building/target/model_id/fallback of every stored forecast series. */
  private static Set<String> forecastKinds(InfluxClient influx) {
    Set<String> out = new TreeSet<>();
    try {
      for (Series s :
          influx.query(
              InfluxQuery.of(
                  "SELECT count(value_kwh) FROM forecasts GROUP BY building, target, model_id,"
                      + " fallback"))) {
        out.add(
            s.tags().get("building")
                + "/"
                + s.tags().get("target")
                + "/"
                + s.tags().get("model_id")
                + "/"
                + s.tags().get("fallback"));
      }
    } catch (RuntimeException e) {
      LOG.debug("forecasts not readable yet: {}", e.toString());
    }
    return out;
  }

  /** What the first run served per building and target (building-wide series). */
  record ServedForecast(
      String modelId, boolean fallback, String reason, String candidate, double guardHours) {}

  private static Map<String, ServedForecast> servedForecasts(InfluxClient influx) {
    var f = Schema.FORECASTS;
    Map<String, ServedForecast> out = new TreeMap<>();
    for (Series s :
        influx.query(
            InfluxQuery.of("SELECT last(")
                .column(f.valueKwh)
                .text("), ")
                .columns(f.fallbackReason, f.candidateModelId, f.guardHours)
                .text(" FROM ")
                .from(f)
                .text(" WHERE ")
                .column(f.room)
                .text(" = '' GROUP BY ")
                .columns(f.building, f.target, f.modelId, f.fallback))) {
      for (List<Object> row : s.values()) {
        Double hours = Series.number(row, s.column(f.guardHours));
        out.put(
            s.tag(f.building) + "/" + s.tag(f.target),
            new ServedForecast(
                s.tag(f.modelId),
                Boolean.parseBoolean(s.tag(f.fallback)),
                Series.string(row, s.column(f.fallbackReason)),
                Series.string(row, s.column(f.candidateModelId)),
                hours == null ? 0 : hours));
      }
    }
    return out;
  }

  private static Set<String> fallbackReasons(InfluxClient influx) {
    Set<String> out = new TreeSet<>();
    for (Series s :
        influx.query(InfluxQuery.of("SELECT value_kwh, fallback_reason FROM forecasts"))) {
      int column = s.column("fallback_reason");
      for (List<Object> row : s.values()) {
        String reason = Series.string(row, column);
        if (reason != null) {
          out.add(reason);
        }
      }
    }
    return out;
  }

  private static int daysWithEnergy(InfluxClient influx, String building, Instant from) {
    int days = 0;
    for (Series s :
        influx.query(
            InfluxQuery.of(
                "SELECT sum(energy_kwh) FROM room_metrics WHERE building = '"
                    + building
                    + "' AND time >= '"
                    + from
                    + "' GROUP BY time(1d) fill(none)"))) {
      int column = s.column("sum");
      for (List<Object> row : s.values()) {
        Double kwh = Series.number(row, column);
        if (kwh != null && kwh > 0) {
          days++;
        }
      }
    }
    return days;
  }
}
