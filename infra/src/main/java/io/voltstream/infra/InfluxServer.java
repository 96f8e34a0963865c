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
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Debian InfluxDB 1.x {@code influxd} run as a child process of this JVM, with its HTTP API
 * and RPC (backup) port on 127.0.0.1 and meta, data and WAL under its dir. Small HTTP helpers
 * ({@link #createDatabase}, {@link #write}, {@link #query}) serve tests and the demo setup.
 *
 * <pre>{@code
 * try (InfluxServer influx = InfluxServer.start(Path.of("var/influxdb"), 8086)) {
 *   influx.createDatabase("voltstream");
 *   JsonNode answer = influx.query("voltstream", "SELECT count(*) FROM readings");
 * }
 * }</pre>
 */
public final class InfluxServer implements AutoCloseable {
  static final String INSTALL_HINT = "sudo apt-get install -y influxdb influxdb-client";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STOP_GRACE = Duration.ofSeconds(15);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static final Logger LOG = LoggerFactory.getLogger(InfluxServer.class);

  private final Path dir;
  private final int httpPort;
  private final int rpcPort;
  private final ManagedProcess process;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private InfluxServer(Path dir, int httpPort, int rpcPort, ManagedProcess process) {
    this.dir = dir;
    this.httpPort = httpPort;
    this.rpcPort = rpcPort;
    this.process = process;
  }

  /** Starts influxd with its HTTP API on {@code httpPort} (0 = a free port), data in {@code dir}. */
  public static InfluxServer start(Path dir, int httpPort) {
    return start(dir, httpPort, 0);
  }

  /**
   * Starts influxd with HTTP on {@code httpPort} and the RPC bind address on {@code rpcPort} (0 =
   * free ports), data in {@code dir}.
   *
   * @throws InfraException if the binary is missing (the message says how to install it), a port
   *     is taken or {@code /ping} does not answer 204; the message ends with the server log
   */
  public static InfluxServer start(Path dir, int httpPort, int rpcPort) {
    Path binary = Binaries.require("influxd", INSTALL_HINT);
    Path absDir = dir.toAbsolutePath();
    boolean free = httpPort == 0 || rpcPort == 0;
    int attempts = free ? 3 : 1;
    InfraException last = null;
    for (int attempt = 0; attempt < attempts; attempt++) {
      int http = httpPort == 0 ? FreePorts.pick() : httpPort;
      int rpc = rpcPort == 0 ? FreePorts.pick() : rpcPort;
      if (FreePorts.isAccepting("127.0.0.1", http) || FreePorts.isAccepting("127.0.0.1", rpc)) {
        last = new InfraException("port " + http + " or " + rpc + " on 127.0.0.1 is in use (influxd)");
        continue;
      }
      Path config = writeConfig(absDir, http, rpc);
      ManagedProcess process =
          new ManagedProcess(
              "influxd:" + http,
              List.of(binary.toString(), "-config", config.toString()),
              absDir.resolve("influxd.log"));
      InfluxServer server = new InfluxServer(absDir, http, rpc, process);
      try {
        server.start();
        return server;
      } catch (InfraException e) {
        last = e;
      }
    }
    throw last;
  }

  /** Starts influxd again after {@link #stop()}, same ports and data. No-op when running. */
  public synchronized void start() {
    if (process.isAlive()) {
      return;
    }
    long startedNanos = System.nanoTime();
    process.startAndAwait(this::ping, START_TIMEOUT, "did not answer /ping with 204 on " + url());
    LOG.info("influxd ready on {} in {} ms", url(),
        (System.nanoTime() - startedNanos) / 1_000_000);
  }

  /** Stops influxd gracefully (SIGTERM); the WAL is replayed on the next start. */
  public synchronized void stop() {
    process.stop(STOP_GRACE);
  }

  public boolean isRunning() {
    return process.isAlive();
  }

  /** {@code http://127.0.0.1:<httpPort>}. */
  public String url() {
    return "http://127.0.0.1:" + httpPort;
  }

  public int httpPort() {
    return httpPort;
  }

  public int rpcPort() {
    return rpcPort;
  }

  public Path dir() {
    return dir;
  }

  /** The pid of the running (or last) influxd process. */
  public Optional<Long> pid() {
    return process.pid();
  }

  /** Whether {@code GET /ping} answers 204 right now. */
  public boolean ping() {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url() + "/ping")).timeout(Duration.ofSeconds(2)).GET()
              .build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 204;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** {@code CREATE DATABASE "<name>"} (a no-op when it exists). */
  public void createDatabase(String name) {
    JsonNode answer = post("/query", "q=" + encode("CREATE DATABASE \"" + name + "\""));
    throwOnError(answer, "CREATE DATABASE " + name);
  }

  /**
   * Writes line protocol to {@code db} with millisecond timestamps ({@code precision=ms}).
   *
   * @throws InfraException when InfluxDB does not answer 204, with its error message
   */
  public void write(String db, String lineProtocol) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url() + "/write?db=" + encode(db) + "&precision=ms"))
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(lineProtocol, StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> response = send(request);
    if (response.statusCode() != 204) {
      throw new InfraException(
          "InfluxDB write to " + db + " failed with HTTP " + response.statusCode() + ": "
              + response.body());
    }
  }

  /**
   * Runs InfluxQL against {@code db} (null for server-wide statements such as {@code SHOW
   * DATABASES}) with {@code GET /query} and returns the JSON answer as InfluxDB sends it ({@code
   * {"results":[{"statement_id":0,"series":[{"name":..,"columns":[..],"values":[[..]]}]}]}}; times
   * as RFC 3339 strings), including per-statement {@code error} fields.
   */
  public JsonNode query(String db, String influxql) {
    String dbParam = db == null || db.isBlank() ? "" : "db=" + encode(db) + "&";
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url() + "/query?" + dbParam + "q=" + encode(influxql)))
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build();
    return parse(send(request), influxql);
  }

  @Override
  public void close() {
    stop();
  }

  private JsonNode post(String path, String form) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
            .build();
    return parse(send(request), form);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new InfraException("InfluxDB at " + url() + " unreachable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InfraException("interrupted while calling InfluxDB", e);
    }
  }

  private static JsonNode parse(HttpResponse<String> response, String what) {
    try {
      return MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new InfraException(
          "InfluxDB answered HTTP " + response.statusCode() + " with non-JSON for " + what + ": "
              + response.body(), e);
    }
  }

  private static void throwOnError(JsonNode answer, String what) {
    JsonNode error = answer.path("error");
    if (error.isMissingNode()) {
      error = answer.path("results").path(0).path("error");
    }
    if (!error.isMissingNode()) {
      throw new InfraException("InfluxDB rejected " + what + ": " + error.asText());
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static Path writeConfig(Path dir, int httpPort, int rpcPort) {
    Path config = dir.resolve("influxdb.conf");
    String toml =
        "# generated by io.voltstream.infra.InfluxServer\n"
            + "reporting-disabled = true\n"
            + "bind-address = \"127.0.0.1:" + rpcPort + "\"\n"
            + "[meta]\n"
            + "  dir = \"" + dir.resolve("meta") + "\"\n"
            + "  logging-enabled = false\n"
            + "[data]\n"
            + "  dir = \"" + dir.resolve("data") + "\"\n"
            + "  wal-dir = \"" + dir.resolve("wal") + "\"\n"
            + "  wal-fsync-delay = \"0s\"\n"
            + "  index-version = \"inmem\"\n"
            + "  query-log-enabled = false\n"
            + "  trace-logging-enabled = false\n"
            + "[coordinator]\n"
            + "  log-queries-after = \"0s\"\n"
            + "[monitor]\n"
            + "  store-enabled = false\n"
            + "[http]\n"
            + "  enabled = true\n"
            + "  bind-address = \"127.0.0.1:" + httpPort + "\"\n"
            + "  auth-enabled = false\n"
            + "  log-enabled = false\n"
            + "  write-tracing = false\n"
            + "  max-body-size = 25000000\n"
            + "[logging]\n"
            + "  level = \"warn\"\n"
            + "[subscriber]\n"
            + "  enabled = false\n"
            + "[continuous_queries]\n"
            + "  enabled = true\n";
    try {
      Files.createDirectories(dir);
      Files.writeString(config, toml, StandardCharsets.UTF_8);
      return config;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + config, e);
    }
  }
}
