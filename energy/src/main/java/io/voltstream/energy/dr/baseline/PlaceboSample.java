package io.voltstream.energy.dr.baseline;

import java.time.LocalDate;

/**
 * One pretend event on a day without a real one: the baseline computed from what was known before
 * its start, and the load actually metered over the window.
 */
public record PlaceboSample(
    LocalDate day, PlaceboWindow window, double baselineKw, double actualKw, Baseline baseline) {}
