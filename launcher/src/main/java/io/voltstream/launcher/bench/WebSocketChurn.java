package io.voltstream.launcher.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WebSocket clients that connect to the API's {@code /ws}, subscribe to the live streams, stay for
 * a random time and leave — half with a proper close handshake, half by dropping the connection
 * (what a phone losing its network does) — and connect again, for as long as the soak runs. A
 * server that leaks per-session state, threads or sockets shows it under this churn.
 */
final class WebSocketChurn implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebSocketChurn.class);
  private static final String SUBSCRIBE =
      "{\"action\":\"subscribe\",\"streams\":[\"readings\",\"room_metrics\",\"events\"]}";
  private static final Duration MIN_LIFE = Duration.ofSeconds(2);
  private static final Duration MAX_LIFE = Duration.ofSeconds(20);
  private static final Duration RECONNECT_DELAY = Duration.ofMillis(200);

  // Java 17's HttpClient cannot be closed: its executor is ours so that close() stops its threads.
  private final java.util.concurrent.ExecutorService httpExecutor =
      Executors.newFixedThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "voltstream-soak-ws-http");
            t.setDaemon(true);
            return t;
          });
  private final HttpClient http = HttpClient.newBuilder().executor(httpExecutor).build();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "voltstream-soak-ws");
            t.setDaemon(true);
            return t;
          });
  private final URI uri;
  private final Random random;
  private final AtomicLong opened = new AtomicLong();
  private final AtomicLong open = new AtomicLong();
  private final AtomicLong messages = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private volatile boolean running = true;

  private WebSocketChurn(URI api, String token, long seed) {
    this.uri =
        URI.create(
            "ws://"
                + api.getHost()
                + ":"
                + api.getPort()
                + "/ws?token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8));
    this.random = new Random(seed);
  }

  /** Starts {@code clients} churning clients against the API at {@code api} (http://host:port). */
  static WebSocketChurn start(URI api, String token, int clients, long seed) {
    WebSocketChurn churn = new WebSocketChurn(api, token, seed);
    for (int i = 0; i < clients; i++) {
      // Spread the first connects over a second so they do not arrive as one burst.
      churn.scheduler.schedule(churn::connect, i * 1000L / clients, TimeUnit.MILLISECONDS);
    }
    return churn;
  }

  long opened() {
    return opened.get();
  }

  long open() {
    return open.get();
  }

  long messages() {
    return messages.get();
  }

  long failures() {
    return failures.get();
  }

  private void connect() {
    if (!running) {
      return;
    }
    http.newWebSocketBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .buildAsync(uri, new Listener())
        .whenComplete(
            (ws, error) -> {
              if (error != null) {
                failures.incrementAndGet();
                LOG.debug("soak WebSocket connect failed", error);
                reconnectLater();
                return;
              }
              opened.incrementAndGet();
              open.incrementAndGet();
              ws.sendText(SUBSCRIBE, true);
              long lifeMs =
                  MIN_LIFE.toMillis()
                      + (long) (random.nextDouble() * (MAX_LIFE.toMillis() - MIN_LIFE.toMillis()));
              boolean graceful = random.nextBoolean();
              scheduler.schedule(() -> leave(ws, graceful), lifeMs, TimeUnit.MILLISECONDS);
            });
  }

  private void leave(WebSocket ws, boolean graceful) {
    if (graceful) {
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "soak client leaves")
          .orTimeout(5, TimeUnit.SECONDS)
          .whenComplete((w, e) -> ws.abort());
    } else {
      ws.abort();
    }
    open.decrementAndGet();
    reconnectLater();
  }

  private void reconnectLater() {
    if (running) {
      scheduler.schedule(this::connect, RECONNECT_DELAY.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void close() {
    running = false;
    scheduler.shutdownNow();
    httpExecutor.shutdownNow();
  }

  private final class Listener implements WebSocket.Listener {
    @Override
    public void onOpen(WebSocket webSocket) {
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      if (last) {
        messages.incrementAndGet();
      }
      webSocket.request(1);
      return null;
    }
  }
}
