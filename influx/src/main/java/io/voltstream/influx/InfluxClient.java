package io.voltstream.influx;

import io.voltstream.model.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The InfluxDB client of Voltstream, over {@code java.net.http}: InfluxQL reads with {@code GET
 * /query?epoch=ms} (answers as {@link Series}, {@code time} in epoch milliseconds), administrative
 * statements with {@code POST /query}, line protocol with {@code POST /write?precision=ms}, and the
 * health {@link #ping}. It speaks the 1.x API, which InfluxDB 2.x (v1 compatibility) and 3.x also
 * serve; the influxdb-client-java 7 write API does not work against 1.x, hence no library here.
 * Every failure (unreachable, non-2xx, an InfluxQL error) is an {@link InfluxException}.
 * Thread-safe; all instances share one HTTP/1.1 connection pool.
 *
 * <pre>{@code
 * var influx = new InfluxClient(URI.create("http://localhost:8086"), "voltstream");
 * influx.write(LinePoint.of(Schema.READINGS).tag(..).field(..).time(t).toLine());
 * List<Series> rows = influx.query(InfluxQuery.of("SHOW MEASUREMENTS"));
 * }</pre>
 */
public final class InfluxClient {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final URI baseUrl;
  private final String database;
  private final Optional<String> authorization;
  private final Duration timeout;

  public InfluxClient(URI baseUrl, String database) {
    this(baseUrl, database, Optional.empty(), DEFAULT_TIMEOUT);
  }

  /**
   * @param baseUrl e.g. {@code http://localhost:8086}
   * @param database the InfluxDB database (bucket mapping on 2.x); null for server-wide statements
   *     only ({@code SHOW DATABASES}, {@code SHOW STATS})
   * @param authorization the {@code Authorization} header value ({@code Token …} on 2.x, {@code
   *     Basic …} on 1.x with auth), or empty
   * @param timeout per request
   */
  public InfluxClient(
      URI baseUrl, String database, Optional<String> authorization, Duration timeout) {
    this.baseUrl = stripSlash(baseUrl);
    this.database = database;
    this.authorization = authorization;
    this.timeout = timeout;
  }

  /**
   * The {@code Authorization} header for InfluxDB 1.x HTTP basic auth ({@code auth-enabled =
   * true}), or empty when {@code user} is null or blank (a server without auth).
   */
  public static Optional<String> basicAuthorization(String user, String password) {
    if (user == null || user.isBlank()) {
      return Optional.empty();
    }
    String pair = user + ":" + (password == null ? "" : password);
    return Optional.of(
        "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
  }

  /** The same server, database and credentials with another per-request timeout. */
  public InfluxClient withTimeout(Duration otherTimeout) {
    return new InfluxClient(baseUrl, database, authorization, otherTimeout);
  }

  /** The same server and settings, another database. */
  public InfluxClient withDatabase(String otherDatabase) {
    return new InfluxClient(baseUrl, otherDatabase, authorization, timeout);
  }

  public URI baseUrl() {
    return baseUrl;
  }

  public String database() {
    return database;
  }

  /** Runs one read statement; returns the series of its results, empty when none matched. */
  public List<Series> query(InfluxQuery query) {
    String url = baseUrl + "/query?epoch=ms" + dbParam() + "&q=" + enc(query.render());
    return parse(send(HttpRequest.newBuilder(URI.create(url)).GET()), query);
  }

  /** Runs an administrative statement (CREATE/DROP DATABASE, ...) with POST. */
  public void execute(InfluxQuery statement) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/query?" + dbParam().substring(1)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("q=" + enc(statement.render())));
    parse(send(request), statement);
  }

  /** {@code CREATE DATABASE} for this client's database (a no-op when it exists). */
  public void createDatabase() {
    execute(InfluxQuery.createDatabase(database));
  }

  /** Writes line protocol (one point per line) with millisecond timestamps. */
  public void write(String lineProtocol) {
    if (lineProtocol.isEmpty()) {
      return;
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/write?precision=ms" + dbParam()))
            .header("Content-Type", "text/plain; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(lineProtocol, StandardCharsets.UTF_8));
    send(request);
  }

  /** Writes the lines as one batch with millisecond timestamps. */
  public void write(List<String> lines) {
    write(String.join("\n", lines));
  }

  /** {@code GET /ping} on this client's server, within two seconds. */
  public Ping ping() {
    return ping(baseUrl, Duration.ofSeconds(2));
  }

  /** {@code GET /ping} on {@code baseUrl} within {@code timeout}; never throws. */
  public static Ping ping(URI baseUrl, Duration timeout) {
    try {
      HttpResponse<Void> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(stripSlash(baseUrl) + "/ping"))
                  .timeout(timeout)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      String version = r.headers().firstValue("X-Influxdb-Version").orElse("unknown version");
      return new Ping(r.statusCode() / 100 == 2, "HTTP " + r.statusCode() + ", " + version);
    } catch (IOException e) {
      return new Ping(false, "unreachable: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Ping(false, "interrupted");
    }
  }

  private byte[] send(HttpRequest.Builder request) {
    request.timeout(timeout);
    authorization.ifPresent(a -> request.header("Authorization", a));
    HttpResponse<byte[]> response;
    try {
      response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new InfluxException("InfluxDB at " + baseUrl + " is not reachable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InfluxException("interrupted while calling InfluxDB", e);
    }
    int status = response.statusCode();
    if (status / 100 != 2) {
      throw new InfluxException(
          "InfluxDB answered HTTP "
              + status
              + ": "
              + new String(response.body(), StandardCharsets.UTF_8).strip());
    }
    return response.body();
  }

  private static List<Series> parse(byte[] body, InfluxQuery query) {
    if (body.length == 0) {
      return List.of();
    }
    QueryResponse response;
    try {
      response = Json.MAPPER.readValue(body, QueryResponse.class);
    } catch (IOException e) {
      throw new InfluxException("unreadable InfluxDB answer: " + e.getMessage(), e);
    }
    if (response.error() != null) {
      throw new InfluxException(
          "InfluxDB error: " + response.error() + " (query: " + query.render() + ")");
    }
    List<Series> out = new ArrayList<>();
    if (response.results() != null) {
      for (StatementResult r : response.results()) {
        if (r.error() != null) {
          throw new InfluxException(
              "InfluxDB error: " + r.error() + " (query: " + query.render() + ")");
        }
        if (r.series() != null) {
          out.addAll(r.series());
        }
      }
    }
    return out;
  }

  private String dbParam() {
    return database == null ? "&" : "&db=" + enc(database);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static URI stripSlash(URI uri) {
    String s = uri.toString();
    return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri;
  }

  private record QueryResponse(List<StatementResult> results, String error) {}

  private record StatementResult(List<Series> series, String error) {}
}
