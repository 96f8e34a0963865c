package io.voltstream.api.batteries;

import io.voltstream.api.batteries.PowerIntegral.Energy;
import io.voltstream.api.batteries.PowerIntegral.Sample;
import io.voltstream.api.batteries.dto.BatterySummary;
import io.voltstream.api.batteries.dto.BatterySummary.PerBattery;
import io.voltstream.api.influx.InfluxReader;
import io.voltstream.api.query.TimeRange;
import io.voltstream.api.registry.RegistryService;
import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.Schema;
import io.voltstream.influx.Series;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Battery analytics over a window from InfluxDB {@code battery_state}: energy charged and
 * discharged by integrating the reported power in Java ({@link PowerIntegral}: sample-and-hold,
 * gaps capped, so charging and discharging are kept apart, which InfluxQL's {@code integral()}
 * cannot), equivalent full cycles = discharged kWh / capacity kWh, SoC and SoH = the last reported
 * values in the window. Capacities come from the registry.
 */
public final class BatteryAnalyticsService {
  private final RegistryService registry;
  private final InfluxReader influx;

  public BatteryAnalyticsService(RegistryService registry, InfluxReader influx) {
    this.registry = registry;
    this.influx = influx;
  }

  public BatterySummary summary(TimeRange range, Predicate<String> visibleBuilding) {
    List<BatterySpec> specs =
        registry.batteries().stream().filter(b -> visibleBuilding.test(b.building())).toList();
    var m = Schema.BATTERY_STATE;
    Map<String, List<Sample>> samples = new HashMap<>();
    Map<String, Double> soc = new HashMap<>();
    Map<String, Double> soh = new HashMap<>();
    if (!specs.isEmpty()) {
      List<Series> rows =
          influx.query(
              InfluxQuery.of("SELECT ")
                  .columns(m.powerW, m.socPercent, m.sohPercent)
                  .text(" FROM ")
                  .from(m)
                  .text(" WHERE time >= ")
                  .time(range.start())
                  .text(" AND time < ")
                  .time(range.end())
                  .text(" GROUP BY ")
                  .column(m.batteryId)
                  .text(" ORDER BY time ASC"));
      for (Series s : rows) {
        String id = s.tag(m.batteryId);
        List<Sample> list = samples.computeIfAbsent(id, k -> new ArrayList<>());
        for (List<Object> row : s.values()) {
          Instant at = s.time(row);
          Double p = Series.number(row, s.column(m.powerW));
          if (at != null && p != null) {
            list.add(new Sample(at, p));
          }
          putIfPresent(soc, id, Series.number(row, s.column(m.socPercent)));
          putIfPresent(soh, id, Series.number(row, s.column(m.sohPercent)));
        }
      }
    }
    List<PerBattery> per = new ArrayList<>();
    double capacity = 0;
    double charged = 0;
    double discharged = 0;
    double socSum = 0;
    int socCount = 0;
    double sohWeighted = 0;
    double sohCapacity = 0;
    for (BatterySpec b : specs) {
      Energy e = PowerIntegral.integrate(samples.getOrDefault(b.id(), List.of()), range.end());
      Double bSoc = soc.get(b.id());
      Double bSoh = soh.get(b.id());
      per.add(
          new PerBattery(
              b.id(),
              b.building(),
              b.capacityKwh(),
              bSoc,
              e.chargedKwh(),
              e.dischargedKwh(),
              e.dischargedKwh() / b.capacityKwh(),
              bSoh));
      capacity += b.capacityKwh();
      charged += e.chargedKwh();
      discharged += e.dischargedKwh();
      if (bSoc != null) {
        socSum += bSoc;
        socCount++;
      }
      if (bSoh != null) {
        sohWeighted += bSoh * b.capacityKwh();
        sohCapacity += b.capacityKwh();
      }
    }
    return new BatterySummary(
        range.start(),
        range.end(),
        specs.size(),
        capacity,
        socCount == 0 ? null : socSum / socCount,
        charged,
        discharged,
        capacity == 0 ? 0 : discharged / capacity,
        sohCapacity == 0 ? null : sohWeighted / sohCapacity,
        per);
  }

  private static void putIfPresent(Map<String, Double> m, String id, Double v) {
    if (v != null) {
      m.put(id, v);
    }
  }
}
