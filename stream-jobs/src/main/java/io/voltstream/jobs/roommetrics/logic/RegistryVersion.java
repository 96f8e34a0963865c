package io.voltstream.jobs.roommetrics.logic;

import java.time.Instant;

/**
 * One version of a registry assignment: {@code value} (a sensor's room or a room's building; null =
 * none registered, the reading keeps its fallback) holds from {@code effectiveFrom} until the next
 * version's. A record of Flink-serialisable fields, so lists of it live in broadcast state.
 */
public record RegistryVersion(Instant effectiveFrom, String value) {

  /** The effective-from of values written before versioning: they hold since forever. */
  public static final Instant BEGINNING_OF_TIME = Instant.MIN;
}
