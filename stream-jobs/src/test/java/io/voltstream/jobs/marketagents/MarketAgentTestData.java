package io.voltstream.jobs.marketagents;

import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.energy.market.MarketMembership;
import io.voltstream.model.Building;
import io.voltstream.model.Json;
import io.voltstream.model.RegistryKey;
import io.voltstream.model.Room;
import io.voltstream.model.Sensor;
import io.voltstream.model.SensorType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small community for the agent tests, on Wednesday 15 April 2026 (default tariff, Brussels:
 * 09:40 local = weekday day rate, import 0.31, feed-in 0.04 EUR/kWh); default market {@code
 * community} (gate 5 min). At {@link #T0} (07:40Z) the agents trade slots 08:00Z (opened 07:25, its
 * ramp 15 of 29 minutes in) and 08:15Z (opens now).
 *
 * <ul>
 *   <li>{@code office}: agent on, no battery, meter {@code office-meter} (room {@code
 *       office-main});
 *   <li>{@code home}: agent on, battery {@code home-bat} 10 kWh / 5 kW, round trip 0.81, SoC 5–95
 *       %, reserve 10 %; meter {@code home-meter} and PV {@code home-pv} (room {@code home-main});
 *   <li>{@code shed}: agent off, meter {@code shed-meter} (room {@code shed-main}).
 * </ul>
 */
final class MarketAgentTestData {
  static final Instant T0 = Instant.parse("2026-04-15T07:40:00Z");
  static final Instant SLOT_0800 = Instant.parse("2026-04-15T08:00:00Z");
  static final Instant SLOT_0815 = Instant.parse("2026-04-15T08:15:00Z");
  static final String OFFICE = "office";
  static final String HOME = "home";
  static final String SHED = "shed";
  static final BatterySpec HOME_BATTERY =
      new BatterySpec("home-bat", HOME, 10, 5000, 5000, 0.81, 5, 95, 10);

  private MarketAgentTestData() {}

  static Building building(String id, boolean agent) {
    return new Building(
        id, id, null, null, null, null, null, null, new MarketMembership("community", agent));
  }

  /** Registry key → value, in the order a registry topic would deliver them. */
  static Map<String, Object> entries() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(RegistryKey.building(OFFICE).encode(), building(OFFICE, true));
    m.put(RegistryKey.building(HOME).encode(), building(HOME, true));
    m.put(RegistryKey.building(SHED).encode(), building(SHED, false));
    m.put(RegistryKey.room("office-main").encode(), new Room("office-main", OFFICE, null));
    m.put(RegistryKey.room("home-main").encode(), new Room("home-main", HOME, null));
    m.put(RegistryKey.room("shed-main").encode(), new Room("shed-main", SHED, null));
    m.put(
        RegistryKey.sensor("office-meter").encode(),
        new Sensor("office-meter", "office-main", SensorType.POWER, null, null));
    m.put(
        RegistryKey.sensor("home-meter").encode(),
        new Sensor("home-meter", "home-main", SensorType.POWER, null, null));
    m.put(
        RegistryKey.sensor("home-pv").encode(),
        new Sensor("home-pv", "home-main", SensorType.PV, null, null));
    m.put(
        RegistryKey.sensor("shed-meter").encode(),
        new Sensor("shed-meter", "shed-main", SensorType.POWER, null, null));
    m.put(RegistryKey.battery(HOME_BATTERY.id()).encode(), HOME_BATTERY);
    return m;
  }

  /**
   * A batch of the forecast service ({@code forecasts} topic) with the same kWh for each of the
   * {@code hours} hours from {@code origin}.
   */
  static String forecast(
      String building, String target, Instant issuedAt, Instant origin, int hours, double kwh) {
    List<Map<String, Object>> values = new ArrayList<>();
    for (int h = 0; h < hours; h++) {
      values.add(Map.of("hour", origin.plusSeconds(3600L * h).toString(), "value_kwh", kwh));
    }
    Map<String, Object> batch = new LinkedHashMap<>();
    batch.put("building", building);
    batch.put("target", target);
    batch.put("model_id", "test");
    batch.put("fallback", false);
    batch.put("issued_at", issuedAt.toString());
    batch.put("origin", origin.toString());
    batch.put("values", values);
    try {
      return Json.MAPPER.writeValueAsString(batch);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
