package io.voltstream.api.health;

import io.voltstream.api.health.HealthOptions.HealthConfig;
import io.voltstream.influx.InfluxClient;
import java.util.Optional;

/** The probes of a deployed API: Kafka admin, Flink REST (when configured), InfluxDB HTTP. */
public final class ServerProbes implements HealthProbes, AutoCloseable {
  private final KafkaProbe kafka;
  private final Optional<FlinkProbe> flink;
  private final InfluxProbe influx;

  /**
   * {@code influx} is the API's own client, so the probe uses its URL, database and credentials.
   */
  public ServerProbes(String kafkaBootstrap, InfluxClient influx, HealthConfig config) {
    this.kafka = new KafkaProbe(kafkaBootstrap, config.groupPrefix());
    this.flink = config.flinkRest().map(FlinkProbe::new);
    this.influx = new InfluxProbe(influx);
  }

  @Override
  public Observations.Kafka kafka() {
    return kafka.probe();
  }

  @Override
  public Optional<Observations.Flink> flink() {
    return flink.map(FlinkProbe::probe);
  }

  @Override
  public Observations.Influx influx() {
    return influx.probe();
  }

  @Override
  public void close() {
    kafka.close();
  }
}
