package io.voltstream.jobs.marketagents.logic;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.jobs.dispatch.logic.ForecastBatch;
import io.voltstream.model.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A forecast batch of the {@code forecasts} topic with its {@code issued_at}, as the agent needs it
 * to judge freshness. The values are read by the dispatch job's {@link ForecastBatch} (one parser
 * of the batch shape).
 *
 * @param batch building, target and kWh per hour
 * @param issuedAt when the forecast service issued it (its wall clock)
 */
public record AgentForecast(ForecastBatch batch, Instant issuedAt) {

  /** The batch in {@code json}; empty when it is not one or has no valid {@code issued_at}. */
  public static Optional<AgentForecast> parse(String json) {
    Optional<ForecastBatch> batch = ForecastBatch.parse(json);
    if (batch.isEmpty()) {
      return Optional.empty();
    }
    try {
      JsonNode issued = Json.MAPPER.readTree(json).get("issued_at");
      if (issued == null || !issued.isTextual()) {
        return Optional.empty();
      }
      return Optional.of(new AgentForecast(batch.get(), Instant.parse(issued.asText())));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  /**
   * The forecast energy of the 15-minute slot starting at {@code slot} [kWh] — a quarter of its
   * hour's — when the batch was issued within {@code maxAge} of {@code at} (either side: the
   * service stamps its wall clock, event time may trail it by seconds) and covers that hour.
   */
  public Optional<Double> slotKwh(Instant at, Instant slot, Duration slotLength, Duration maxAge) {
    if (Duration.between(issuedAt, at).abs().compareTo(maxAge) > 0) {
      return Optional.empty();
    }
    Double hourKwh = batch.kwhByHour().get(slot.truncatedTo(ChronoUnit.HOURS));
    return hourKwh == null
        ? Optional.empty()
        : Optional.of(hourKwh * slotLength.toMillis() / Duration.ofHours(1).toMillis());
  }
}
