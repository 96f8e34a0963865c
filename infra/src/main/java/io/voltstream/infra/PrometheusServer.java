package io.voltstream.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Debian {@code prometheus} server run as a child process of this JVM: a generated config that
 * scrapes the given targets' {@code /metrics}, its TSDB under its dir, its HTTP API on 127.0.0.1.
 * Ask it with {@link #query} (the instant-query API), as Grafana or an alert rule would.
 *
 * <pre>{@code
 * try (PrometheusServer prometheus = PrometheusServer.start(dir, 0, Duration.ofSeconds(1),
 *     List.of(new PrometheusServer.Target("ingest", "127.0.0.1:9401")))) {
 *   prometheus.query("voltstream_ingest_readings_accepted_total");
 * }
 * }</pre>
 */
public final class PrometheusServer implements AutoCloseable {
  static final String INSTALL_HINT = "sudo apt-get install -y --no-install-recommends prometheus";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(PrometheusServer.class);

  /** A scrape job: its name (the {@code job} label) and {@code host:port} serving /metrics. */
  public record Target(String job, String hostPort) {}

  /** One series of a query result: its labels and value. */
  public record Sample(Map<String, String> labels, double value) {}

  private final int port;
  private final ManagedProcess process;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private PrometheusServer(int port, ManagedProcess process) {
    this.port = port;
    this.process = process;
  }

  /**
   * Starts prometheus on {@code port} (0 = a free port) scraping {@code targets} every {@code
   * scrapeInterval}, with config, TSDB and log under {@code dir}.
   *
   * @throws InfraException if the binary is missing (the message says how to install it) or {@code
   *     /-/ready} does not answer; the message ends with the server log
   */
  public static PrometheusServer start(
      Path dir, int port, Duration scrapeInterval, List<Target> targets) {
    Path binary = Binaries.require("prometheus", INSTALL_HINT);
    Path absDir = dir.toAbsolutePath();
    int p = port == 0 ? FreePorts.pick() : port;
    Path config = writeConfig(absDir, scrapeInterval, targets);
    List<String> command =
        List.of(
            binary.toString(),
            "--config.file=" + config,
            "--storage.tsdb.path=" + absDir.resolve("data"),
            "--web.listen-address=127.0.0.1:" + p,
            "--log.level=warn");
    // A prometheus a killed JVM left running on this dir holds the port and the TSDB lock.
    ManagedProcess.stopLeftover("prometheus", command, STOP_GRACE);
    ManagedProcess process =
        new ManagedProcess("prometheus:" + p, command, absDir.resolve("prometheus.log"));
    PrometheusServer server = new PrometheusServer(p, process);
    long startedNanos = System.nanoTime();
    process.startAndAwait(
        server::ready, START_TIMEOUT, "did not answer /-/ready on " + server.url());
    LOG.info(
        "prometheus ready on {} in {} ms, scraping {}",
        server.url(),
        (System.nanoTime() - startedNanos) / 1_000_000,
        targets);
    return server;
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String url() {
    return "http://127.0.0.1:" + port;
  }

  public Optional<Long> pid() {
    return process.pid();
  }

  /** Whether {@code GET /-/ready} answers 200 right now. */
  public boolean ready() {
    try {
      return get("/-/ready").statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The samples of an instant PromQL query ({@code GET /api/v1/query}); a vector answer gives one
   * sample per series, a scalar one sample without labels.
   *
   * @throws InfraException when prometheus answers with an error (bad PromQL) or not at all
   */
  public List<Sample> query(String promql) {
    try {
      HttpResponse<String> response =
          get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
      JsonNode body = JSON.readTree(response.body());
      if (!"success".equals(body.path("status").asText())) {
        throw new InfraException("prometheus query '" + promql + "' failed: " + response.body());
      }
      JsonNode data = body.path("data");
      List<Sample> samples = new ArrayList<>();
      if ("scalar".equals(data.path("resultType").asText())) {
        samples.add(new Sample(Map.of(), number(data.path("result").get(1))));
        return samples;
      }
      for (JsonNode series : data.path("result")) {
        Map<String, String> labels = new LinkedHashMap<>();
        series
            .path("metric")
            .fields()
            .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        samples.add(new Sample(labels, number(series.path("value").get(1))));
      }
      return samples;
    } catch (IOException e) {
      throw new InfraException("prometheus query '" + promql + "' failed: " + e.getMessage(), e);
    }
  }

  private static double number(JsonNode text) {
    return Double.parseDouble(text.asText());
  }

  private HttpResponse<String> get(String pathAndQuery) throws IOException {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(url() + pathAndQuery))
              .timeout(Duration.ofSeconds(5))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  @Override
  public void close() {
    process.stop(STOP_GRACE);
  }

  static String config(Duration scrapeInterval, List<Target> targets) {
    StringBuilder yaml =
        new StringBuilder("# generated by io.voltstream.infra.PrometheusServer\n")
            .append("global:\n")
            .append("  scrape_interval: ")
            .append(scrapeInterval.toMillis())
            .append("ms\n")
            .append("  scrape_timeout: ")
            .append(scrapeInterval.toMillis())
            .append("ms\n")
            .append("scrape_configs:\n");
    for (Target t : targets) {
      yaml.append("  - job_name: '")
          .append(t.job())
          .append("'\n")
          .append("    metrics_path: /metrics\n")
          .append("    static_configs:\n")
          .append("      - targets: ['")
          .append(t.hostPort())
          .append("']\n");
    }
    return yaml.toString();
  }

  private static Path writeConfig(Path dir, Duration scrapeInterval, List<Target> targets) {
    Path config = dir.resolve("prometheus.yml");
    try {
      Files.createDirectories(dir.resolve("data"));
      Files.writeString(config, config(scrapeInterval, targets), StandardCharsets.UTF_8);
      return config;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + config, e);
    }
  }
}
