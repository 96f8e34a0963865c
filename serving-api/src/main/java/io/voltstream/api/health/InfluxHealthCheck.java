package io.voltstream.api.health;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** InfluxDB is up when {@code GET /ping} answers 204 within a second (1.x, 2.x and 3.x all serve it). */
public final class InfluxHealthCheck implements HealthCheck {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
  private final URI ping;

  public InfluxHealthCheck(URI influxUrl) {
    this.ping = URI.create(influxUrl + "/ping");
  }

  @Override
  public String name() {
    return "influxdb";
  }

  @Override
  public Status probe() {
    try {
      HttpResponse<Void> r = http.send(
          HttpRequest.newBuilder(ping).timeout(Duration.ofSeconds(1)).GET().build(), HttpResponse.BodyHandlers.discarding());
      String version = r.headers().firstValue("X-Influxdb-Version").orElse("unknown version");
      return new Status(r.statusCode() / 100 == 2, "HTTP " + r.statusCode() + ", " + version);
    } catch (IOException e) {
      return new Status(false, "unreachable: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Status(false, "interrupted");
    }
  }
}
