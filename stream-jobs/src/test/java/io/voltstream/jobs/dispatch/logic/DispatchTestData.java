package io.voltstream.jobs.dispatch.logic;

import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.energy.dispatch.DispatchSettings;
import io.voltstream.energy.tariff.Tariffs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The demo building's two batteries (as in the simulators' DemoBatteries) and input builders. */
public final class DispatchTestData {
  public static final String BUILDING = "demo";

  /** A Wednesday noon, on a 15-minute boundary. */
  public static final Instant T0 = Instant.parse("2026-04-15T10:00:00Z");

  public static final Duration INTERVAL = Duration.ofSeconds(10);
  public static final Duration VALIDITY = Duration.ofSeconds(30);
  public static final BatterySpec BIG =
      new BatterySpec("demo-battery-1", BUILDING, 10, 5000, 5000, 0.9, 5, 95, 10);
  public static final BatterySpec SMALL =
      new BatterySpec("demo-battery-2", BUILDING, 5, 2500, 2500, 0.9, 5, 95, 10);
  public static final DispatchSettings SELF_CONSUMPTION =
      new DispatchSettings(List.of("reserve", "self_consumption"), null, null);

  private DispatchTestData() {}

  public static DispatchSettings peakShaving(double thresholdKw) {
    return new DispatchSettings(List.of("reserve", "peak_shaving"), thresholdKw, null);
  }

  public static BuildingDispatcher.Inputs inputs(
      DispatchSettings settings,
      double netLoadW,
      Map<String, BatteryReading> latest,
      Set<String> overridden) {
    return new BuildingDispatcher.Inputs(
        BUILDING,
        T0,
        INTERVAL,
        VALIDITY,
        settings,
        Tariffs.defaultTariff(),
        List.of(BIG, SMALL),
        latest,
        overridden,
        netLoadW,
        0,
        Optional.empty(),
        null,
        Optional.empty());
  }

  /** A batch in the forecasting-models README shape, {@code kwh[i]} for hour origin + i. */
  public static String forecastJson(String building, String target, Instant origin, double... kwh) {
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < kwh.length; i++) {
      values
          .append(i == 0 ? "" : ",")
          .append("{\"hour\":\"")
          .append(origin.plusSeconds(3600L * i))
          .append("\",\"value_kwh\":")
          .append(kwh[i])
          .append('}');
    }
    return "{\"building\":\""
        + building
        + "\",\"target\":\""
        + target
        + "\",\"model_id\":\"m\",\"fallback\":false,"
        + "\"fallback_reason\":null,\"issued_at\":\""
        + origin
        + "\",\"origin\":\""
        + origin
        + "\",\"values\":["
        + values
        + "]}";
  }

  public static BatteryReading at(double socPercent) {
    return new BatteryReading(socPercent, 0, T0);
  }
}
