package io.voltstream.forecast.streaming;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The Kafka {@code forecasts} record of one building-wide {@link ForecastBatch}: what the API
 * pushes live as a {@code forecast} message and the dispatch and market agents plan with.
 * Serialised with {@code Json.MAPPER} (snake_case, ISO instants): {@code building, target,
 * model_id, fallback, fallback_reason, issued_at, origin, guard{candidate_model_id, skill,
 * scored_hours}, values[{hour, value_kwh, p10_kwh, p90_kwh}]} ({@code p10_kwh}/{@code p90_kwh}
 * absent when unknown, {@code guard} absent without a usable model). Per-room batches are not
 * published (InfluxDB only), so consumers keyed by building and target never mix them in. The API
 * reads it as a JSON tree (it does not depend on this module), so fields may only be added.
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
    @JsonInclude(JsonInclude.Include.NON_NULL) GuardMessage guard,
    List<ForecastBatch.HourValue> values) {

  /** The guard's score of the candidate model; {@code skill} null when not scored. */
  public record GuardMessage(String candidateModelId, Double skill, int scoredHours) {}

  public ForecastMessage {
    values = List.copyOf(values);
  }

  public static ForecastMessage of(ForecastBatch batch, Instant issuedAt) {
    ForecastBatch.Guard g = batch.guard();
    return new ForecastMessage(
        batch.building(),
        batch.target().id(),
        batch.modelId(),
        batch.fallback(),
        batch.fallbackReason(),
        issuedAt,
        batch.origin(),
        g == null
            ? null
            : new GuardMessage(
                g.candidateModelId(),
                Double.isFinite(g.skill()) ? g.skill() : null,
                g.scoredHours()),
        batch.values());
  }
}
