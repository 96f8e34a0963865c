package io.voltstream.jobs.dr.logic;

import java.time.Instant;

/**
 * A running DR event, as the DR operator keeps it: when it started, the metered grid import since
 * (sum and count of the samples), its baseline (computed once at the start: it depends only on the
 * load before the start), and when it last reported.
 *
 * @param eventId the invitation id
 * @param startedAt event time of the start
 * @param meteredSumW sum of the grid-import samples since the start [W]
 * @param meteredSamples number of samples
 * @param baselinePerIntervalKw the baseline per 15-minute interval from the event start; null when
 *     no baseline could be made
 * @param baselineMethod the method or fallback used; null without a baseline
 * @param baselineNote how it was made or why there is none
 * @param lastReportAt event time of the last report; null before the first
 * @param note what the execution last changed
 */
public record EventRun(
    String eventId,
    Instant startedAt,
    double meteredSumW,
    long meteredSamples,
    double[] baselinePerIntervalKw,
    String baselineMethod,
    String baselineNote,
    Instant lastReportAt,
    String note) {

  public EventRun withSample(double importW) {
    return new EventRun(
        eventId,
        startedAt,
        meteredSumW + importW,
        meteredSamples + 1,
        baselinePerIntervalKw,
        baselineMethod,
        baselineNote,
        lastReportAt,
        note);
  }

  /** With the sample when there is one. */
  public EventRun sampled(java.util.OptionalDouble importW) {
    return importW.isPresent() ? withSample(importW.getAsDouble()) : this;
  }

  public EventRun reported(Instant at) {
    return new EventRun(
        eventId,
        startedAt,
        meteredSumW,
        meteredSamples,
        baselinePerIntervalKw,
        baselineMethod,
        baselineNote,
        at,
        note);
  }

  public EventRun withNote(String newNote) {
    return new EventRun(
        eventId,
        startedAt,
        meteredSumW,
        meteredSamples,
        baselinePerIntervalKw,
        baselineMethod,
        baselineNote,
        lastReportAt,
        newNote);
  }

  /** Mean grid import since the start [kW]; NaN before the first sample. */
  public double meteredKw() {
    return meteredSamples == 0 ? Double.NaN : meteredSumW / meteredSamples / 1000.0;
  }
}
