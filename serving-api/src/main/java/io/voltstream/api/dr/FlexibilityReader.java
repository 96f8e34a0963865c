package io.voltstream.api.dr;

import io.voltstream.api.flexibility.FlexibilityService;
import io.voltstream.api.influx.InfluxReader;
import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.energy.device.DeviceSpec;
import io.voltstream.energy.dr.AutoAnswerPolicy.CurrentFlexibility;
import io.voltstream.energy.dr.FlexibilityForecast;
import io.voltstream.energy.dr.FlexibilityForecast.BatteryAvailability;
import io.voltstream.energy.dr.FlexibilityForecast.DeviceLoad;
import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.Schema;
import io.voltstream.influx.Series;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * What the auto-answer policy and the summary read from InfluxDB: the latest building {@code
 * flexibility} point within {@link #FRESHNESS}, the batteries' latest SoC ({@code battery_state}),
 * the DR devices' latest metered power (their meters' {@code readings}) and the building's
 * consumption forecast for the event window ({@code forecasts}, target {@code consumption}, the
 * most recently issued value per hour). Free of Javalin.
 */
public final class FlexibilityReader {
  /**
   * Reports and readings older than this do not count as current: the same window as the
   * flexibility API's, so the auto-answer and {@code /flexibility/current} agree.
   */
  private static final Duration FRESHNESS = FlexibilityService.FRESH_WITHIN;

  private final InfluxReader influx;
  private final Clock clock;

  public FlexibilityReader(InfluxReader influx, Clock clock) {
    this.influx = influx;
    this.clock = clock;
  }

  /** Each building's latest building-scope point, if at most {@link #FRESHNESS} old. */
  public Map<String, CurrentFlexibility> current() {
    var m = Schema.FLEXIBILITY;
    List<Series> rows =
        influx.query(
            InfluxQuery.of("SELECT ")
                .aggregate("last", m.downNowKw)
                .text(", ")
                .aggregate("last", m.downHourKw)
                .text(" FROM ")
                .from(m)
                .text(" WHERE ")
                .column(m.scope)
                .text(" = 'building' AND time >= ")
                .time(clock.instant().minus(FRESHNESS))
                .text(" GROUP BY ")
                .column(m.building));
    Map<String, CurrentFlexibility> out = new HashMap<>();
    for (Series s : rows) {
      for (List<Object> row : s.values()) {
        Double now = Series.number(row, s.column(m.downNowKw));
        Double hour = Series.number(row, s.column(m.downHourKw));
        if (now != null && hour != null) {
          out.put(s.tag(m.building), new CurrentFlexibility(now, hour));
        }
      }
    }
    return out;
  }

  /** The forecast flexibility of {@code building}'s batteries and devices for the window. */
  public FlexibilityForecast forecast(
      String building,
      List<BatterySpec> batteries,
      List<DeviceSpec> devices,
      Instant start,
      Duration duration) {
    Map<String, Double> soc = latestSoc();
    List<BatteryAvailability> available =
        batteries.stream()
            .filter(b -> soc.containsKey(b.id()))
            .map(b -> new BatteryAvailability(b, soc.get(b.id())))
            .toList();
    List<DeviceLoad> loads = List.of();
    if (!devices.isEmpty()) {
      Map<String, Double> power = latestPowerW(devices.stream().map(DeviceSpec::meterId).toList());
      loads =
          devices.stream()
              .filter(d -> power.containsKey(d.meterId()))
              .map(d -> new DeviceLoad(d, power.get(d.meterId())))
              .toList();
    }
    return FlexibilityForecast.forWindow(
        duration, available, loads, consumptionForecastKw(building, start, start.plus(duration)));
  }

  private Map<String, Double> latestSoc() {
    var m = Schema.BATTERY_STATE;
    Map<String, Double> out = new HashMap<>();
    for (Series s :
        influx.query(
            InfluxQuery.of("SELECT ")
                .aggregate("last", m.socPercent)
                .text(" FROM ")
                .from(m)
                .text(" WHERE time >= ")
                .time(clock.instant().minus(FRESHNESS))
                .text(" GROUP BY ")
                .column(m.batteryId))) {
      for (List<Object> row : s.values()) {
        Double v = Series.number(row, s.column(m.socPercent));
        if (v != null) {
          out.put(s.tag(m.batteryId), v);
        }
      }
    }
    return out;
  }

  private Map<String, Double> latestPowerW(List<String> meters) {
    var m = Schema.READINGS;
    InfluxQuery q =
        InfluxQuery.of("SELECT ")
            .aggregate("last", m.powerW)
            .text(" FROM ")
            .from(m)
            .text(" WHERE time >= ")
            .time(clock.instant().minus(FRESHNESS))
            .text(" AND (");
    for (int i = 0; i < meters.size(); i++) {
      q = q.text(i == 0 ? "" : " OR ").eq(m.sensorId, "meter_sensor_id", meters.get(i));
    }
    q = q.text(") GROUP BY ").column(m.sensorId);
    Map<String, Double> out = new HashMap<>();
    for (Series s : influx.query(q)) {
      for (List<Object> row : s.values()) {
        Double v = Series.number(row, s.column(m.powerW));
        if (v != null) {
          out.put(s.tag(m.sensorId), v);
        }
      }
    }
    return out;
  }

  /**
   * Mean forecast consumption over [from, to) [kW]: each hour's kWh is its mean kW, weighted by its
   * overlap with the window; empty unless every hour of the window has a value.
   */
  OptionalDouble consumptionForecastKw(String building, Instant from, Instant to) {
    var f = Schema.FORECASTS;
    Instant firstHour = from.truncatedTo(ChronoUnit.HOURS);
    TreeMap<Instant, double[]> hours = new TreeMap<>(); // hour → {value_kwh, issued_at}
    for (Series s :
        influx.query(
            InfluxQuery.of("SELECT ")
                .columns(f.valueKwh, f.issuedAt)
                .text(" FROM ")
                .from(f)
                .text(" WHERE ")
                .eq(f.building, "building", building)
                .text(" AND ")
                .column(f.target)
                .text(" = 'consumption' AND ")
                // the building-wide forecast: per-room forecasts carry a room tag
                .column(f.room)
                .text(" = '' AND time >= ")
                .time(firstHour)
                .text(" AND time < ")
                .time(to))) {
      for (List<Object> row : s.values()) {
        Double v = Series.number(row, s.column(f.valueKwh));
        Double issued = Series.number(row, s.column(f.issuedAt));
        if (v == null) {
          continue;
        }
        double[] candidate = {v, issued == null ? 0 : issued};
        hours.merge(s.time(row), candidate, (a, b) -> b[1] > a[1] ? b : a);
      }
    }
    double weighted = 0;
    long covered = 0;
    for (Instant h = firstHour; h.isBefore(to); h = h.plus(Duration.ofHours(1))) {
      double[] value = hours.get(h);
      if (value == null) {
        return OptionalDouble.empty();
      }
      Instant a = h.isBefore(from) ? from : h;
      Instant b = h.plus(Duration.ofHours(1)).isAfter(to) ? to : h.plus(Duration.ofHours(1));
      long seconds = Duration.between(a, b).toSeconds();
      weighted += value[0] * seconds;
      covered += seconds;
    }
    return covered == 0 ? OptionalDouble.empty() : OptionalDouble.of(weighted / covered);
  }
}
