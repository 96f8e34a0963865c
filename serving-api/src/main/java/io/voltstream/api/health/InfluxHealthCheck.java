package io.voltstream.api.health;

import io.voltstream.influx.InfluxClient;
import io.voltstream.influx.Ping;
import java.net.URI;
import java.time.Duration;

/** InfluxDB is up when {@code GET /ping} answers 2xx within a second (the influx module's ping). */
public final class InfluxHealthCheck implements HealthCheck {
  private final URI influxUrl;

  public InfluxHealthCheck(URI influxUrl) {
    this.influxUrl = influxUrl;
  }

  @Override
  public String name() {
    return "influxdb";
  }

  @Override
  public Status probe() {
    Ping ping = InfluxClient.ping(influxUrl, Duration.ofSeconds(1));
    return new Status(ping.up(), ping.detail());
  }
}
