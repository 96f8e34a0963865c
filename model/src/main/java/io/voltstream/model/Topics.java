package io.voltstream.model;

/** Kafka topic names: the contract between ingest, the jobs and the API. */
public final class Topics {
  /** Valid, normalised {@link SensorReading}s keyed by sensor id. */
  public static final String READINGS = "readings";
  /** Rejected payloads ({@link DeadLetter}) keyed by MQTT topic. */
  public static final String READINGS_DLQ = "readings.dlq";
  /** Readings that arrived after their window closed, keyed by sensor id. */
  public static final String READINGS_LATE = "readings.late";
  /** Compacted registry of buildings, rooms and sensors ({@link RegistryKey} keys, tombstones delete). */
  public static final String REGISTRY = "registry";
  /** {@link RoomMetrics} per room and window, keyed by room. */
  public static final String ROOM_METRICS = "room-metrics";
  /** Alerts and system events. */
  public static final String EVENTS = "events";
  /** Compacted log of revoked API token ids, read by every API instance. */
  public static final String TOKEN_REVOCATIONS = "token-revocations";
  /**
   * Hourly forecast batches (one JSON object per building, target and run) keyed by building; live
   * copies of what the forecast service writes to InfluxDB {@code forecasts}, pushed by the API.
   */
  public static final String FORECASTS = "forecasts";

  private Topics() {}
}
