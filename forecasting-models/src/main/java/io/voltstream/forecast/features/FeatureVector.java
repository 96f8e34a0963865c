package io.voltstream.forecast.features;

/**
 * Features of one target hour plus the level they were normalised by ({@code 1} without
 * normalisation): a model predicts {@code target / level} and the caller multiplies back.
 */
public record FeatureVector(double[] values, double level) {}
