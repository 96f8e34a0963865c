package io.voltstream.jobs.alerts.logic;

import java.io.Serializable;
import java.time.Duration;

/**
 * The limits the alert rules compare against.
 *
 * @param co2MaxPpm a room whose window average CO2 is above this raises {@code co2_high}
 * @param temperatureMinC a room whose window average temperature is below this raises {@code
 *     temperature_low}
 * @param temperatureMaxC ... above this raises {@code temperature_high}
 * @param sensorSilence a sensor without a reading for longer than this (event time) raises {@code
 *     sensor_silent}
 * @param lateBurstPerMinute more late readings of one room arriving in one minute than this raise
 *     {@code late_data_burst}
 */
public record AlertThresholds(
    double co2MaxPpm,
    double temperatureMinC,
    double temperatureMaxC,
    Duration sensorSilence,
    long lateBurstPerMinute)
    implements Serializable {

  public AlertThresholds {
    if (temperatureMinC >= temperatureMaxC) {
      throw new IllegalArgumentException(
          "temperature band is empty: min " + temperatureMinC + " >= max " + temperatureMaxC);
    }
    if (sensorSilence == null || sensorSilence.isNegative() || sensorSilence.isZero()) {
      throw new IllegalArgumentException("sensor silence must be positive, was " + sensorSilence);
    }
    if (lateBurstPerMinute < 0) {
      throw new IllegalArgumentException(
          "late burst threshold must not be negative, was " + lateBurstPerMinute);
    }
  }

  /** 1000 ppm, 16–28 °C, 5 minutes, 10 late readings per minute. */
  public static AlertThresholds defaults() {
    return new AlertThresholds(1000, 16, 28, Duration.ofMinutes(5), 10);
  }
}
