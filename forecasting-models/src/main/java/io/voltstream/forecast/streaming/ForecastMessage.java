package io.voltstream.forecast.streaming;

import java.time.Instant;
import java.util.List;

/**
 * The Kafka {@code forecasts} record of one {@link ForecastBatch}: what the API pushes live as a
 * {@code forecast} message. Serialised with {@code Json.MAPPER} (snake_case, ISO instants): {@code
 * building, target, model_id, fallback, fallback_reason, issued_at, origin, values[{hour,
 * value_kwh}]}. The API reads it as a JSON tree (it does not depend on this module), so fields may
 * only be added.
 *
 * @param target {@code consumption} or {@code generation}
 * @param issuedAt when the run made the forecast
 * @param origin the first forecast hour
 */
public record ForecastMessage(
    String building,
    String target,
    String modelId,
    boolean fallback,
    String fallbackReason,
    Instant issuedAt,
    Instant origin,
    List<ForecastBatch.HourValue> values) {

  public ForecastMessage {
    values = List.copyOf(values);
  }

  public static ForecastMessage of(ForecastBatch batch, Instant issuedAt) {
    return new ForecastMessage(
        batch.building(),
        batch.target().id(),
        batch.modelId(),
        batch.fallback(),
        batch.fallbackReason(),
        issuedAt,
        batch.origin(),
        batch.values());
  }
}
