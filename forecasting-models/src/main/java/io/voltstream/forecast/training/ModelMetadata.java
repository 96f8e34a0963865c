package io.voltstream.forecast.training;

import io.voltstream.forecast.evaluation.Metrics;
import io.voltstream.forecast.features.FeatureSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a saved model is: written as JSON beside the Tribuo file so the prediction side rebuilds the
 * same features and anyone can see how it was trained and how well it did.
 *
 * @param blend weight of the model against the persistence ensemble when forecasting (1 = model
 *     only)
 * @param metrics figures measured when it was saved, keyed by what they measure (e.g. {@code
 *     validation.model}, {@code validation.persistence_ensemble})
 */
public record ModelMetadata(
    String modelId,
    String algorithm,
    int trees,
    List<String> targetColumns,
    String targetUnit,
    FeatureSpec featureSpec,
    List<String> featureNames,
    Instant trainingFrom,
    Instant trainingTo,
    int originStrideHours,
    double blend,
    int samples,
    Map<String, Metrics> metrics,
    Instant createdAt,
    String provenance) {}
