package io.voltstream.api.influx;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.Optional;

/**
 * A small InfluxQL client over {@code java.net.http}: {@code GET /query} for reads and
 * {@code POST /query} / {@code POST /write} for administration and test data. Speaks the InfluxDB
 * 1.x API, which InfluxDB 2.x (v1 compatibility) and 3.x also serve. Answers use {@code epoch=ms}, so
 * the {@code time} column is epoch milliseconds.
 *
 * <pre>{@code
 * var influx = new InfluxQlClient(URI.create("http://localhost:8086"), "voltstream", Optional.empty());
 * List<Series> rows = influx.query(InfluxQuery.of("SHOW MEASUREMENTS"));
 * }</pre>
 */
public final class InfluxQlClient implements InfluxReader {

  private static final ObjectMapper MAPPER = Json.MAPPER;

  private final URI baseUrl;
  private final String database;
  private final Optional<String> authorization;
  private final HttpClient http;
  private final Duration timeout;

  /**
   * @param baseUrl e.g. {@code http://localhost:8086}
   * @param database the InfluxDB database (bucket mapping on 2.x)
   * @param authorization the {@code Authorization} header value ({@code Token …} on 2.x, {@code Basic …}
   *     on 1.x with auth), or empty
   */
  public InfluxQlClient(URI baseUrl, String database, Optional<String> authorization) {
    this(baseUrl, database, authorization, Duration.ofSeconds(30));
  }

  public InfluxQlClient(URI baseUrl, String database, Optional<String> authorization, Duration timeout) {
    this.baseUrl = stripSlash(baseUrl);
    this.database = database;
    this.authorization = authorization;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  public String database() {
    return database;
  }

  /** Runs one read statement; returns the series of its (single) result, empty when none matched. */
  @Override
  public List<Series> query(InfluxQuery query) {
    String url = baseUrl + "/query?epoch=ms&db=" + enc(database) + "&q=" + enc(query.render());
    HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET();
    return parse(send(req), query);
  }

  /** Runs an administrative statement (CREATE/DROP DATABASE, ...) with POST. */
  public void execute(InfluxQuery statement) {
    String body = "q=" + enc(statement.render());
    HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(baseUrl + "/query?db=" + enc(database)))
        .timeout(timeout)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    parse(send(req), statement);
  }

  /** Writes line protocol with millisecond precision (used by tests and the benchmark's data set). */
  public void write(String lineProtocol) {
    HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(baseUrl + "/write?precision=ms&db=" + enc(database)))
        .timeout(timeout)
        .POST(HttpRequest.BodyPublishers.ofString(lineProtocol));
    send(req);
  }

  /** True when {@code /ping} answers 204. */
  public boolean ping() {
    try {
      HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/ping"))
          .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
      return r.statusCode() == 204;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private byte[] send(HttpRequest.Builder req) {
    authorization.ifPresent(a -> req.header("Authorization", a));
    HttpResponse<byte[]> response;
    try {
      response = http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new InfluxException("InfluxDB at " + baseUrl + " is unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InfluxException("interrupted while querying InfluxDB", e);
    }
    int status = response.statusCode();
    if (status / 100 != 2) {
      throw new InfluxException("InfluxDB answered HTTP " + status + ": "
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
      response = MAPPER.readValue(body, QueryResponse.class);
    } catch (IOException e) {
      throw new InfluxException("unreadable InfluxDB answer: " + e.getMessage(), e);
    }
    if (response.error() != null) {
      throw new InfluxException("InfluxDB error: " + response.error() + " (query: " + query.render() + ")");
    }
    List<Series> out = new ArrayList<>();
    if (response.results() != null) {
      for (StatementResult r : response.results()) {
        if (r.error() != null) {
          throw new InfluxException("InfluxDB error: " + r.error() + " (query: " + query.render() + ")");
        }
        if (r.series() != null) {
          out.addAll(r.series());
        }
      }
    }
    return out;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static URI stripSlash(URI uri) {
    String s = uri.toString();
    return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri;
  }

  private record QueryResponse(List<StatementResult> results, String error) {}

  private record StatementResult(Integer statementId, List<Series> series, String error) {}
}
