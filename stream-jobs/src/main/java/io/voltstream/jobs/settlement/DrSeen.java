package io.voltstream.jobs.settlement;

import java.time.Instant;

/** The latest cumulative benefit seen of one DR event, and when it was reported. */
public record DrSeen(double benefitEur, Instant at) {}
