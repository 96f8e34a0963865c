package io.voltstream.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Real HTTP against a started API (javalin-testtools is not available here). */
public final class ApiTestClient {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;

  public ApiTestClient(URI base) {
    this.base = base;
  }

  public ApiTestClient(int port) {
    this(URI.create("http://127.0.0.1:" + port));
  }

  /** An answer: status, body text and headers. */
  public record Response(int status, String body, HttpHeaders headers) {
    public JsonNode json() {
      try {
        return Json.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    public String contentType() {
      return headers.firstValue("Content-Type").orElse("");
    }
  }

  public Response get(String path, String token) {
    return send("GET", path, token, null, null);
  }

  public Response post(String path, String token, String json) {
    return send("POST", path, token, "application/json", json);
  }

  public Response put(String path, String token, String json) {
    return send("PUT", path, token, "application/json", json);
  }

  public Response delete(String path, String token) {
    return send("DELETE", path, token, null, null);
  }

  public Response send(String method, String path, String token, String contentType, String body) {
    try {
      return exchange(
          base.resolve(path),
          method,
          token,
          contentType,
          body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed", e);
    }
  }

  /**
   * Sends {@code pathAndQuery} exactly as given (no URI normalisation, so {@code ..} and odd
   * encodings reach the server) with raw body bytes (which need not be UTF-8); a connection that
   * ends without an answer is the caller's {@link IOException}.
   */
  public Response sendRaw(
      String method, String pathAndQuery, String token, String contentType, byte[] body)
      throws IOException {
    return exchange(URI.create(base + pathAndQuery), method, token, contentType, body);
  }

  private Response exchange(URI uri, String method, String token, String contentType, byte[] body)
      throws IOException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body(), r.headers());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
