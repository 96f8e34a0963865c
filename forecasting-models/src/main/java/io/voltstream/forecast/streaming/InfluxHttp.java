package io.voltstream.forecast.streaming;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * Minimal InfluxDB 1.x HTTP client on {@code java.net.http}: InfluxQL over {@code /query} (epoch
 * milliseconds) and line protocol over {@code /write}, the two endpoints InfluxDB 1.x, 2.x
 * (compatibility API) and 3.x all serve.
 */
public final class InfluxHttp {
  /** One result row: the series' tags and the row's values by column name. */
  public record Row(java.util.Map<String, String> tags, java.util.Map<String, JsonNode> values) {
    public long timeMs() {
      return values.get("time").asLong();
    }

    public double number(String column) {
      JsonNode v = values.get(column);
      return v == null || v.isNull() || !v.isNumber() ? Double.NaN : v.asDouble();
    }

    public String text(String column) {
      JsonNode v = values.get(column);
      return v == null || v.isNull() ? null : v.asText();
    }
  }

  private final HttpClient http;
  private final URI base;
  private final String database;
  private final Duration timeout;

  public InfluxHttp(URI base, String database, Duration timeout) {
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
    this.database = InfluxQl.requireName(database, "database");
    this.timeout = timeout;
  }

  public String database() {
    return database;
  }

  public void createDatabase() throws IOException {
    post("query", "q=" + enc("CREATE DATABASE " + InfluxQl.identifier(database)), "application/x-www-form-urlencoded");
  }

  /** Runs one InfluxQL statement and flattens every series into rows. */
  public List<Row> query(String influxQl) throws IOException {
    var request = HttpRequest.newBuilder(base.resolve(
            "query?db=" + enc(database) + "&epoch=ms&q=" + enc(influxQl)))
        .timeout(timeout).GET().build();
    HttpResponse<String> response = send(request);
    JsonNode body = Json.MAPPER.readTree(response.body());
    var rows = new ArrayList<Row>();
    for (JsonNode result : body.path("results")) {
      if (result.has("error")) {
        throw new InfluxException("InfluxQL error: " + result.get("error").asText());
      }
      for (JsonNode series : result.path("series")) {
        var tags = new java.util.LinkedHashMap<String, String>();
        for (var e : series.path("tags").properties()) {
          tags.put(e.getKey(), e.getValue().asText());
        }
        List<String> columns = new ArrayList<>();
        series.path("columns").forEach(c -> columns.add(c.asText()));
        for (JsonNode value : series.path("values")) {
          var values = new java.util.LinkedHashMap<String, JsonNode>();
          for (int i = 0; i < columns.size(); i++) {
            values.put(columns.get(i), value.get(i));
          }
          rows.add(new Row(tags, values));
        }
      }
    }
    return rows;
  }

  /** Writes line-protocol points with millisecond timestamps. */
  public void write(List<String> lines) throws IOException {
    if (lines.isEmpty()) {
      return;
    }
    post("write?db=" + enc(database) + "&precision=ms", String.join("\n", lines), "text/plain; charset=utf-8");
  }

  private void post(String path, String body, String contentType) throws IOException {
    var request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    send(request);
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new InfluxException("InfluxDB " + request.uri().getPath() + " answered " + response.statusCode()
            + ": " + response.body());
      }
      return response;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InfluxException("interrupted while calling InfluxDB", e);
    } catch (java.net.ConnectException e) {
      throw new InfluxException("InfluxDB not reachable at " + base, e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
