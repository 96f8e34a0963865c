package io.voltstream.sim.load;

import io.voltstream.config.CommonOptions;
import io.voltstream.config.ConfigReader;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Configuration of the benchmark load generator. From the {@code VOLTSTREAM_*} variables declared
 * in {@link LoadGeneratorOptions} ({@link #fromEnv(Map)}) or built in code ({@link #defaults()} +
 * {@code with…}).
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
      throw new IllegalArgumentException(
          "dataPointsPerSecond must be > 0, got " + dataPointsPerSecond);
    }
    if (sensors < 1 || rooms < 1 || maxInflight < 1) {
      throw new IllegalArgumentException("sensors, rooms and maxInflight must be >= 1");
    }
    if (metricsPerReading < 1 || metricsPerReading > MAX_METRICS) {
      throw new IllegalArgumentException(
          "metricsPerReading must be 1.." + MAX_METRICS + ", got " + metricsPerReading);
    }
    if (!sensorPrefix.matches("[A-Za-z0-9_.-]*")) {
      throw new IllegalArgumentException(
          "sensorPrefix may hold only letters, digits, '_', '.', '-': '" + sensorPrefix + "'");
    }
  }

  public static LoadGeneratorConfig defaults() {
    return fromEnv(Map.of());
  }

  public static LoadGeneratorConfig fromEnv(Map<String, String> env) {
    ConfigReader r = new ConfigReader(env);
    return new LoadGeneratorConfig(
        r.get(CommonOptions.MQTT_URL),
        r.get(LoadGeneratorOptions.POINTS_PER_S),
        r.get(LoadGeneratorOptions.SENSORS),
        r.get(LoadGeneratorOptions.ROOMS),
        r.get(LoadGeneratorOptions.METRICS_PER_READING),
        r.get(LoadGeneratorOptions.MAX_INFLIGHT),
        r.get(LoadGeneratorOptions.SENSOR_PREFIX),
        r.get(LoadGeneratorOptions.REPORT_INTERVAL));
  }

  public LoadGeneratorConfig withMqttUrl(URI url) {
    return new LoadGeneratorConfig(
        url,
        dataPointsPerSecond,
        sensors,
        rooms,
        metricsPerReading,
        maxInflight,
        sensorPrefix,
        reportInterval);
  }

  public LoadGeneratorConfig withRate(double newDataPointsPerSecond) {
    return new LoadGeneratorConfig(
        mqttUrl,
        newDataPointsPerSecond,
        sensors,
        rooms,
        metricsPerReading,
        maxInflight,
        sensorPrefix,
        reportInterval);
  }

  public LoadGeneratorConfig withSensors(int newSensors, int newRooms) {
    return new LoadGeneratorConfig(
        mqttUrl,
        dataPointsPerSecond,
        newSensors,
        newRooms,
        metricsPerReading,
        maxInflight,
        sensorPrefix,
        reportInterval);
  }

  public LoadGeneratorConfig withMetricsPerReading(int metrics) {
    return new LoadGeneratorConfig(
        mqttUrl,
        dataPointsPerSecond,
        sensors,
        rooms,
        metrics,
        maxInflight,
        sensorPrefix,
        reportInterval);
  }

  public LoadGeneratorConfig withSensorPrefix(String prefix) {
    return new LoadGeneratorConfig(
        mqttUrl,
        dataPointsPerSecond,
        sensors,
        rooms,
        metricsPerReading,
        maxInflight,
        prefix,
        reportInterval);
  }

  /** Readings per second needed for the target data-point rate. */
  public double readingsPerSecond() {
    return dataPointsPerSecond / metricsPerReading;
  }
}
