package io.voltstream.metrics;

import io.voltstream.config.Option;
import io.voltstream.config.ValueType;
import java.time.Duration;
import java.util.List;

/**
 * Where each process serves its Prometheus metrics ({@code GET /metrics}, text format): one port
 * per component, so one JVM running several of them ({@code voltstream demo}) still serves each
 * under its own scrape target. The endpoints carry no authentication: they bind to {@link
 * #BIND_ADDRESS} (loopback by default) and expose counters, never payloads or secrets.
 */
public final class MetricsOptions {
  private static final String PORT_MEANING = "; 0 = any free port, -1 = no endpoint";

  public static final Option<String> BIND_ADDRESS =
      Option.of(
          "VOLTSTREAM_METRICS_BIND",
          ValueType.matching("[A-Za-z0-9.:-]{1,253}", "a host name or IP address"),
          "127.0.0.1",
          "Address the Prometheus endpoints of ingest, API and forecast service bind to (0.0.0.0 ="
              + " every interface; they are unauthenticated)");
  public static final Option<Integer> INGEST_PORT =
      Option.of(
          "VOLTSTREAM_INGEST_METRICS_PORT",
          ValueType.integer(-1, 65535),
          "9401",
          "Port of ingest's Prometheus endpoint GET /metrics" + PORT_MEANING);
  public static final Option<Integer> API_PORT =
      Option.of(
          "VOLTSTREAM_API_METRICS_PORT",
          ValueType.integer(-1, 65535),
          "9402",
          "Port of the API's Prometheus endpoint GET /metrics (separate from the API port, no"
              + " token)"
              + PORT_MEANING);
  public static final Option<Integer> FORECAST_PORT =
      Option.of(
          "VOLTSTREAM_FORECAST_METRICS_PORT",
          ValueType.integer(-1, 65535),
          "9403",
          "Port of the forecast service's Prometheus endpoint GET /metrics" + PORT_MEANING);
  public static final Option<String> FLINK_PORTS =
      Option.of(
          "VOLTSTREAM_FLINK_METRICS_PORTS",
          ValueType.matching(
              "(\\d{1,5}(-\\d{1,5})?|off)", "a port, a range such as 9249-9259, or off"),
          "9249-9259",
          "Port (range) of Flink's Prometheus reporter in the local MiniCluster (demo, jobs): the"
              + " first free port of the range is taken; off = no reporter");
  public static final Option<Duration> CONSUMER_LAG_INTERVAL =
      Option.of(
          "VOLTSTREAM_METRICS_CONSUMER_LAG_INTERVAL",
          ValueType.positiveDuration(),
          "15s",
          "How often the API reads every Kafka consumer group's committed offsets and the"
              + " partitions' end offsets for voltstream_kafka_consumer_lag_records");

  private MetricsOptions() {}

  public static List<Option<?>> all() {
    return List.of(
        BIND_ADDRESS, INGEST_PORT, API_PORT, FORECAST_PORT, FLINK_PORTS, CONSUMER_LAG_INTERVAL);
  }
}
