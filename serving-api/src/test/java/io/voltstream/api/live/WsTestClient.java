package io.voltstream.api.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A java.net.http WebSocket client that queues text messages and records the close code, reason and
 * when the close frame arrived.
 */
public final class WsTestClient implements AutoCloseable {

  final LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
  final CompletableFuture<Integer> closed = new CompletableFuture<>();

  /** The server's close reason, once closed. */
  volatile String closeReason;

  /** When the close frame (or the error) arrived, once closed. */
  volatile Instant closedAt;

  /** Ping frames received from the server (the client answers each with a pong). */
  final java.util.concurrent.atomic.AtomicInteger pings =
      new java.util.concurrent.atomic.AtomicInteger();

  private final WebSocket ws;

  public WsTestClient(HttpClient http, URI uri) {
    this.ws =
        http.newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .buildAsync(uri, new Listener())
            .join();
  }

  public void send(String text) {
    ws.sendText(text, true).join();
  }

  /**
   * Waits for the first message matching {@code filter} (skipping others), or fails at the
   * deadline.
   */
  public JsonNode await(Predicate<JsonNode> filter, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      String text;
      try {
        text = left <= 0 ? null : messages.poll(left, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (text == null) {
        throw new AssertionError(
            "no matching message within " + timeout + "; closed=" + closed.getNow(null));
      }
      JsonNode node;
      try {
        node = Json.MAPPER.readTree(text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (filter.test(node)) {
        return node;
      }
    }
  }

  public JsonNode awaitType(String type, Duration timeout) {
    return await(n -> type.equals(n.path("type").asText()), timeout);
  }

  public int awaitClose(Duration timeout) throws Exception {
    return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    if (!ws.isOutputClosed()) {
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye")
          .orTimeout(5, TimeUnit.SECONDS)
          .exceptionally(t -> null)
          .join();
    }
    ws.abort();
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        messages.add(partial.toString());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, java.nio.ByteBuffer message) {
      pings.incrementAndGet();
      webSocket.request(1);
      return null; // java.net.http answers the ping with a pong itself
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closedAt = Instant.now();
      closeReason = reason;
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closedAt = Instant.now();
      closeReason = error.toString();
      closed.complete(-1);
    }
  }
}
