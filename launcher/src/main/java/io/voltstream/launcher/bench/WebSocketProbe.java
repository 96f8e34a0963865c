package io.voltstream.launcher.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.model.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MQTT publish → WebSocket receipt latency under load: one session on the stack's API subscribed to
 * the {@link LatencyProbe}'s sensor. A probe's event time is its publish time, so latency = the
 * time the session got the reading − its timestamp. The probes travel MQTT → ingest → Kafka → the
 * API's live feed → the session while the load fills the same queues. A probe the session never got
 * counts as a failure ({@link Percentiles}).
 */
final class WebSocketProbe implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebSocketProbe.class);

  private final ConcurrentSkipListMap<Long, Duration> seen = new ConcurrentSkipListMap<>();
  private final WebSocket socket;

  private WebSocketProbe(URI api, String token) {
    URI ws =
        URI.create(
            api.toString().replaceFirst("^http", "ws").replaceAll("/$", "")
                + "/ws?token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8));
    socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(ws, new Listener())
            .orTimeout(30, TimeUnit.SECONDS)
            .join();
  }

  static WebSocketProbe start(URI api, String token) {
    return new WebSocketProbe(api, token);
  }

  /** Latencies of the probes published in [{@code fromMs}, {@code toMs}) the session got. */
  List<Duration> seenBetween(long fromMs, long toMs) {
    return new ArrayList<>(seen.subMap(fromMs, toMs).values());
  }

  private void received(String text) {
    long nowMs = System.currentTimeMillis();
    try {
      JsonNode n = Json.MAPPER.readTree(text);
      if (!"reading".equals(n.path("type").asText())) {
        return;
      }
      JsonNode reading = n.has("data") ? n.get("data") : n;
      if (!LatencyProbe.SENSOR.equals(reading.path("sensor_id").asText())) {
        return;
      }
      JsonNode t = reading.path("timestamp");
      long ts = t.isNumber() ? t.asLong() : Instant.parse(t.asText()).toEpochMilli();
      seen.putIfAbsent(ts, Duration.ofMillis(Math.max(0, nowMs - ts)));
    } catch (Exception e) {
      LOG.warn("unexpected WebSocket message {}: {}", text, e.toString());
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public void onOpen(WebSocket ws) {
      ws.sendText(
          "{\"action\":\"subscribe\",\"sensors\":[\""
              + LatencyProbe.SENSOR
              + "\"],\"streams\":[\"readings\"]}",
          true);
      ws.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        received(partial.toString());
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }
  }

  @Override
  public void close() {
    socket.abort();
  }
}
