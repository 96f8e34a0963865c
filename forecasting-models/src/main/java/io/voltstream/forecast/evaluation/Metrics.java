package io.voltstream.forecast.evaluation;

/**
 * Accuracy of one forecaster over a set of hours: NRMSE in percent of the mean actual value, MAE
 * and RMSE in the target's unit, and skill = 1 − RMSE / RMSE(reference), the reference being the
 * persistence ensemble (its own skill is 0).
 */
public record Metrics(double nrmse, double mae, double rmse, double skill, int hours) {}
