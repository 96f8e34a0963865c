package io.voltstream.sim.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.datatypes.MqttTopicFilter;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes QoS 1 messages with the HiveMQ async client (MQTT 5), keeping at most {@code
 * maxInflight} unacknowledged publishes: {@link #publish} blocks while the window is full, so a
 * slow or absent broker slows the producer instead of filling memory. The client reconnects
 * automatically (also when the first connect fails) and resumes its session, so publishes survive
 * broker restarts.
 *
 * <pre>{@code
 * try (MqttPublisher mqtt = MqttPublisher.start(URI.create("tcp://localhost:1883"), "sim-1", 1000)) {
 *   mqtt.publish("sensors/kitchen-meter/readings", json).join();
 * }
 * }</pre>
 */
public final class MqttPublisher implements MqttLink, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MqttPublisher.class);
  private static final Duration SESSION_EXPIRY = Duration.ofMinutes(10);
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);

  private final Mqtt5AsyncClient client;
  private final Semaphore window;
  private final int maxInflight;
  private final AtomicLong acked = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private volatile boolean closed;
  private volatile boolean everConnected;
  private final java.util.Map<MqttTopicFilter, java.util.function.BiConsumer<String, byte[]>>
      subscriptions = new java.util.concurrent.ConcurrentHashMap<>();

  private MqttPublisher(Mqtt5AsyncClient client, int maxInflight) {
    this.client = client;
    this.maxInflight = maxInflight;
    this.window = new Semaphore(maxInflight);
  }

  /**
   * Builds the client and starts connecting in the background; never fails because the broker is
   * down.
   */
  public static MqttPublisher start(URI brokerUrl, String clientId, int maxInflight) {
    return start(brokerUrl, clientId, maxInflight, java.util.Optional.empty());
  }

  /** Like {@link #start(URI, String, int)}, logging in with {@code login} when present. */
  public static MqttPublisher start(
      URI brokerUrl,
      String clientId,
      int maxInflight,
      java.util.Optional<DeviceLogins.Login> login) {
    if (maxInflight < 1) {
      throw new IllegalArgumentException("maxInflight must be >= 1, got " + maxInflight);
    }
    String scheme = brokerUrl.getScheme().toLowerCase(Locale.ROOT);
    boolean tls = scheme.equals("ssl") || scheme.equals("mqtts");
    int port = brokerUrl.getPort() > 0 ? brokerUrl.getPort() : tls ? 8883 : 1883;
    MqttPublisher[] self = new MqttPublisher[1];
    Mqtt5ClientBuilder builder =
        MqttClient.builder()
            .useMqttVersion5()
            .identifier(clientId)
            .serverHost(brokerUrl.getHost())
            .serverPort(port)
            .automaticReconnect()
            .initialDelay(200, TimeUnit.MILLISECONDS)
            .maxDelay(5, TimeUnit.SECONDS)
            .applyAutomaticReconnect()
            .addConnectedListener(ctx -> self[0].onConnected(clientId, brokerUrl))
            .addDisconnectedListener(
                ctx -> {
                  if (self[0].closed) {
                    ctx.getReconnector().reconnect(false);
                  } else if (ctx.getReconnector().isReconnect()) {
                    LOG.warn(
                        "MQTT {} disconnected from {} ({}); reconnecting",
                        clientId,
                        brokerUrl,
                        ctx.getCause().getMessage());
                  }
                });
    if (tls) {
      builder = builder.sslWithDefaultConfig();
    }
    if (login.isPresent()) {
      builder =
          builder
              .simpleAuth()
              .username(login.get().username())
              .password(login.get().password().getBytes(java.nio.charset.StandardCharsets.UTF_8))
              .applySimpleAuth();
    }
    MqttPublisher publisher = new MqttPublisher(builder.buildAsync(), maxInflight);
    self[0] = publisher;
    publisher.client.publishes(MqttGlobalPublishFilter.ALL, publisher::onMessage);
    publisher
        .client
        .connectWith()
        .cleanStart(false)
        .sessionExpiryInterval(SESSION_EXPIRY.toSeconds())
        .send()
        .whenComplete(
            (ack, error) -> {
              if (error != null) {
                LOG.warn(
                    "MQTT {} first connect to {} failed ({}); retrying in the background",
                    clientId,
                    brokerUrl,
                    error.getMessage());
              }
            });
    return publisher;
  }

  /**
   * Publishes one QoS 1 message once a slot of the in-flight window is free. The future completes
   * when the broker acknowledged it, or exceptionally when the publish failed (already counted in
   * {@link #failed()}). Returns a failed future without publishing once the publisher is closed.
   */
  @Override
  public CompletableFuture<Void> publish(String topic, byte[] payload) {
    return publish(topic, () -> payload);
  }

  /**
   * Like {@link #publish(String, byte[])}, but builds the payload only once a window slot is free,
   * so a timestamp taken inside {@code payload} is the moment of sending, not of waiting.
   */
  @Override
  public CompletableFuture<Void> publish(String topic, Supplier<byte[]> payload) {
    if (!acquireSlot()) {
      return CompletableFuture.failedFuture(new IllegalStateException("publisher closed"));
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      client
          .publishWith()
          .topic(topic)
          .qos(MqttQos.AT_LEAST_ONCE)
          .payload(payload.get())
          .send()
          .whenComplete(
              (result, error) -> {
                window.release();
                Throwable failure = error != null ? error : result.getError().orElse(null);
                if (failure == null) {
                  acked.incrementAndGet();
                  done.complete(null);
                } else {
                  long n = failed.incrementAndGet();
                  if (n == 1 || n % 1000 == 0) {
                    LOG.warn(
                        "MQTT publish to {} failed ({} failures so far): {}",
                        topic,
                        n,
                        failure.toString());
                  }
                  done.completeExceptionally(failure);
                }
              });
    } catch (RuntimeException e) {
      window.release();
      failed.incrementAndGet();
      LOG.warn("MQTT publish to {} was refused: {}", topic, e.toString());
      done.completeExceptionally(e);
    }
    return done;
  }

  /**
   * Subscribes to {@code topicFilter} with QoS 1 and hands each message's topic and payload to
   * {@code handler} (on the client's thread; keep it short). Subscribed again on every connection,
   * so a session that expired while the broker was away does not lose it.
   */
  @Override
  public void subscribe(String topicFilter, java.util.function.BiConsumer<String, byte[]> handler) {
    subscriptions.put(MqttTopicFilter.of(topicFilter), handler);
    if (isConnected()) {
      sendSubscribe(topicFilter); // else onConnected subscribes; subscribing twice is harmless
    }
  }

  private CompletableFuture<Void> sendSubscribe(String topicFilter) {
    return client
        .subscribeWith()
        .topicFilter(topicFilter)
        .qos(MqttQos.AT_LEAST_ONCE)
        .send()
        .thenAccept(ack -> LOG.debug("subscribed to {}", topicFilter));
  }

  /** Every message of a subscription reaches here once; handlers whose filter matches get it. */
  private void onMessage(Mqtt5Publish publish) {
    subscriptions.forEach(
        (filter, handler) -> {
          if (filter.matches(publish.getTopic())) {
            try {
              handler.accept(publish.getTopic().toString(), publish.getPayloadAsBytes());
            } catch (RuntimeException e) {
              LOG.warn("handler of {} failed on a message: {}", filter, e.toString());
            }
          }
        });
  }

  private void onConnected(String clientId, URI brokerUrl) {
    if (closed) {
      client.disconnect();
      return;
    }
    LOG.info("MQTT {} connected to {}", clientId, brokerUrl);
    subscriptions
        .keySet()
        .forEach(
            filter ->
                sendSubscribe(filter.toString())
                    .exceptionally(
                        error -> {
                          LOG.warn(
                              "MQTT {}: subscribing again to {} failed: {}",
                              clientId,
                              filter,
                              error.toString());
                          return null;
                        }));
    synchronized (this) {
      everConnected = true;
      notifyAll();
    }
  }

  private boolean acquireSlot() {
    try {
      // Once connected, the client queues publishes across reconnects; before its first connection
      // it refuses them (or blocks the caller inside the client), so wait here where close() can
      // stop us.
      synchronized (this) {
        while (!closed && !everConnected) {
          wait(100);
        }
      }
      while (!closed) {
        if (window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
          return true;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  public boolean isConnected() {
    return client.getState().isConnected();
  }

  /** Publishes acknowledged by the broker so far. */
  public long acked() {
    return acked.get();
  }

  /** Publishes that failed so far. */
  public long failed() {
    return failed.get();
  }

  /** Publishes sent or queued but not yet acknowledged. */
  public int inflight() {
    return maxInflight - window.availablePermits();
  }

  /** Waits up to a few seconds for in-flight publishes, then disconnects. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      notifyAll();
    }
    Instant deadline = Instant.now().plus(DRAIN_TIMEOUT);
    try {
      while (inflight() > 0 && isConnected() && Instant.now().isBefore(deadline)) {
        if (window.tryAcquire(maxInflight, 50, TimeUnit.MILLISECONDS)) {
          window.release(maxInflight);
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (inflight() > 0) {
      LOG.warn("closing MQTT publisher with {} unacknowledged publishes", inflight());
    }
    if (!client.getState().isConnected()) {
      // Reconnecting: the disconnected listener stops the next attempt because we are closed.
      return;
    }
    try {
      client.disconnect().get(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Not connected (or never was): nothing to disconnect, the reconnect loop stops with the
      // client.
      LOG.debug("MQTT disconnect: {}", e.toString());
    }
  }
}
