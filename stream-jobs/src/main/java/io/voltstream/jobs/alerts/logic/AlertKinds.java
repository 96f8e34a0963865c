package io.voltstream.jobs.alerts.logic;

import io.voltstream.model.SystemEvent;
import java.time.Instant;

/**
 * Kinds of alert the alert job emits (the {@code kind} of {@link SystemEvent}) and their
 * deterministic ids: {@code <kind>:<subject>:<epoch ms>}, so that a replay rewrites the same event.
 */
public final class AlertKinds {
  public static final String CO2_HIGH = "co2_high";
  public static final String TEMPERATURE_HIGH = "temperature_high";
  public static final String TEMPERATURE_LOW = "temperature_low";
  public static final String SENSOR_SILENT = "sensor_silent";
  public static final String LATE_DATA_BURST = "late_data_burst";
  public static final String CLOCK_AHEAD = "clock_ahead";

  private AlertKinds() {}

  public static String eventId(String kind, String subject, Instant at) {
    return kind + ":" + subject + ":" + at.toEpochMilli();
  }
}
