package io.voltstream.forecast.evaluation;

import java.util.Map;

/**
 * Result of a walk-forward evaluation: metrics per forecaster id (model first, then baselines),
 * over {@code origins} day-ahead runs and {@code hours} scored hours.
 */
public record EvaluationReport(
    int origins, int hours, int skippedOrigins, Map<String, Metrics> metrics) {}
