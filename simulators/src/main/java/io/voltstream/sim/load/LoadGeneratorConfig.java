package io.voltstream.sim.load;

import io.voltstream.sim.config.EnvValues;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Configuration of the benchmark load generator. From {@code VOLTSTREAM_*} variables
 * ({@link #fromEnv(Map)}) or built in code ({@link #defaults()} + {@code with…}):
 *
 * <ul>
 *   <li>{@code VOLTSTREAM_MQTT_URL} — broker, default {@code tcp://localhost:1883}
 *   <li>{@code VOLTSTREAM_LOAD_POINTS_PER_S} — target data points (metric values) per second, default 30000
 *   <li>{@code VOLTSTREAM_LOAD_SENSORS} — distinct sensor ids [1..1000000], default 1000
 *   <li>{@code VOLTSTREAM_LOAD_ROOMS} — rooms the sensors are spread over [1..100000], default 50
 *   <li>{@code VOLTSTREAM_LOAD_METRICS_PER_READING} — metrics per reading [1..7], default 6
 *   <li>{@code VOLTSTREAM_LOAD_MAX_INFLIGHT} — unacknowledged QoS 1 publishes [1..65535], default 2000
 *   <li>{@code VOLTSTREAM_LOAD_SENSOR_PREFIX} — sensor id and room prefix, default {@code load-}
 *   <li>{@code VOLTSTREAM_LOAD_REPORT_INTERVAL} — how often the achieved rate is logged, default 5s
 * </ul>
 */
public record LoadGeneratorConfig(
    URI mqttUrl,
    double dataPointsPerSecond,
    int sensors,
    int rooms,
    int metricsPerReading,
    int maxInflight,
    String sensorPrefix,
    Duration reportInterval) {

  public static final int MAX_METRICS = 7;

  public LoadGeneratorConfig {
    if (!(dataPointsPerSecond > 0) || Double.isInfinite(dataPointsPerSecond)) {
      throw new IllegalArgumentException("dataPointsPerSecond must be > 0, got " + dataPointsPerSecond);
    }
    if (sensors < 1 || rooms < 1 || maxInflight < 1) {
      throw new IllegalArgumentException("sensors, rooms and maxInflight must be >= 1");
    }
    if (metricsPerReading < 1 || metricsPerReading > MAX_METRICS) {
      throw new IllegalArgumentException("metricsPerReading must be 1.." + MAX_METRICS + ", got " + metricsPerReading);
    }
    if (!sensorPrefix.matches("[A-Za-z0-9_.-]*")) {
      throw new IllegalArgumentException("sensorPrefix may hold only letters, digits, '_', '.', '-': '" + sensorPrefix + "'");
    }
  }

  public static LoadGeneratorConfig defaults() {
    return fromEnv(Map.of());
  }

  public static LoadGeneratorConfig fromEnv(Map<String, String> env) {
    EnvValues e = new EnvValues(env);
    String prefix = e.string("VOLTSTREAM_LOAD_SENSOR_PREFIX", "load-");
    if (!prefix.matches("[A-Za-z0-9_.-]*")) {
      throw EnvValues.invalid("VOLTSTREAM_LOAD_SENSOR_PREFIX", prefix, "letters, digits, '_', '.' or '-' only");
    }
    return new LoadGeneratorConfig(
        e.mqttUrl("VOLTSTREAM_MQTT_URL", "tcp://localhost:1883"),
        e.positive("VOLTSTREAM_LOAD_POINTS_PER_S", 30_000, 0, 100_000_000),
        e.integer("VOLTSTREAM_LOAD_SENSORS", 1000, 1, 1_000_000),
        e.integer("VOLTSTREAM_LOAD_ROOMS", 50, 1, 100_000),
        e.integer("VOLTSTREAM_LOAD_METRICS_PER_READING", 6, 1, MAX_METRICS),
        e.integer("VOLTSTREAM_LOAD_MAX_INFLIGHT", 2000, 1, 65_535),
        prefix,
        e.duration("VOLTSTREAM_LOAD_REPORT_INTERVAL", Duration.ofSeconds(5)));
  }

  public LoadGeneratorConfig withMqttUrl(URI url) {
    return new LoadGeneratorConfig(url, dataPointsPerSecond, sensors, rooms, metricsPerReading, maxInflight,
        sensorPrefix, reportInterval);
  }

  public LoadGeneratorConfig withRate(double newDataPointsPerSecond) {
    return new LoadGeneratorConfig(mqttUrl, newDataPointsPerSecond, sensors, rooms, metricsPerReading, maxInflight,
        sensorPrefix, reportInterval);
  }

  public LoadGeneratorConfig withSensors(int newSensors, int newRooms) {
    return new LoadGeneratorConfig(mqttUrl, dataPointsPerSecond, newSensors, newRooms, metricsPerReading,
        maxInflight, sensorPrefix, reportInterval);
  }

  public LoadGeneratorConfig withMetricsPerReading(int metrics) {
    return new LoadGeneratorConfig(mqttUrl, dataPointsPerSecond, sensors, rooms, metrics, maxInflight,
        sensorPrefix, reportInterval);
  }

  public LoadGeneratorConfig withSensorPrefix(String prefix) {
    return new LoadGeneratorConfig(mqttUrl, dataPointsPerSecond, sensors, rooms, metricsPerReading, maxInflight,
        prefix, reportInterval);
  }

  /** Readings per second needed for the target data-point rate. */
  public double readingsPerSecond() {
    return dataPointsPerSecond / metricsPerReading;
  }
}
