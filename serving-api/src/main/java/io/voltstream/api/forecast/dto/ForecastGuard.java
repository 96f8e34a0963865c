package io.voltstream.api.forecast.dto;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the forecast service's production guard measured: the day-ahead skill of {@code
 * candidate_model_id} against the persistence ensemble on the trailing 7 days, over {@code
 * scored_hours} hours (skill absent when not scored). With {@code fallback_reason} {@code
 * guard_baseline_better} the ensemble was served because of it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ForecastGuard(String candidateModelId, Double skill, Integer scoredHours) {}
