package io.voltstream.jobs.dispatch.logic;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.model.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One hourly forecast batch of the {@code forecasts} topic (forecasting-models README: {@code
 * building}, {@code target} = {@code consumption} or {@code generation}, {@code values[{hour,
 * value_kwh, p10_kwh, p90_kwh}]}), and its conversion to the planner's input: the average net load
 * per slot. The planner uses the point forecast ({@code value_kwh}, the P50); the P10/P90 of the
 * hours that have them are kept for strategies that plan against a band (empty maps for batches
 * without them).
 */
public record ForecastBatch(
    String building,
    String target,
    Map<Instant, Double> kwhByHour,
    Map<Instant, Double> p10KwhByHour,
    Map<Instant, Double> p90KwhByHour) {
  public static final String CONSUMPTION = "consumption";
  public static final String GENERATION = "generation";

  /** A batch without quantiles. */
  public ForecastBatch(String building, String target, Map<Instant, Double> kwhByHour) {
    this(building, target, kwhByHour, Map.of(), Map.of());
  }

  /** The batch in {@code json}; empty when it is not one (the caller counts it). */
  public static Optional<ForecastBatch> parse(String json) {
    try {
      JsonNode n = Json.MAPPER.readTree(json);
      String building = n.path("building").asText("");
      String target = n.path("target").asText("");
      if (building.isBlank() || !(target.equals(CONSUMPTION) || target.equals(GENERATION))) {
        return Optional.empty();
      }
      Map<Instant, Double> values = new TreeMap<>();
      Map<Instant, Double> p10 = new TreeMap<>();
      Map<Instant, Double> p90 = new TreeMap<>();
      for (JsonNode v : n.path("values")) {
        Instant hour = Instant.parse(v.path("hour").asText()).truncatedTo(ChronoUnit.HOURS);
        putIfFinite(values, hour, v.get("value_kwh"));
        putIfFinite(p10, hour, v.get("p10_kwh"));
        putIfFinite(p90, hour, v.get("p90_kwh"));
      }
      return Optional.of(new ForecastBatch(building, target, values, p10, p90));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  private static void putIfFinite(Map<Instant, Double> into, Instant hour, JsonNode kwh) {
    if (kwh != null && kwh.isNumber() && Double.isFinite(kwh.asDouble())) {
      into.put(hour, kwh.asDouble());
    }
  }

  /**
   * Average net load [W] per {@code slot} from {@code origin}, for as many slots (at most {@code
   * maxSlots}) as the consumption forecast covers without a gap; an hour's kWh is its average kW. A
   * missing generation forecast (or hour) counts as no generation. Empty array = no plan possible.
   */
  public static double[] netLoadW(
      Instant origin,
      Duration slot,
      int maxSlots,
      ForecastBatch consumption,
      ForecastBatch generation) {
    double[] out = new double[maxSlots];
    int n = 0;
    for (; n < maxSlots; n++) {
      Instant hour = origin.plus(slot.multipliedBy(n)).truncatedTo(ChronoUnit.HOURS);
      Double use = consumption == null ? null : consumption.kwhByHour().get(hour);
      if (use == null) {
        break;
      }
      Double gen = generation == null ? null : generation.kwhByHour().get(hour);
      out[n] = (use - (gen == null ? 0.0 : gen)) * 1000.0;
    }
    return Arrays.copyOf(out, n);
  }
}
