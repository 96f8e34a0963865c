package io.voltstream.ingest;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import io.voltstream.infra.Waits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Publishes numbered QoS 1 messages the way a careful device does: it remembers when each one was
 * first acknowledged (PUBACK) and re-sends whatever never was once the broker is back. A message is
 * "acknowledged" only on a PUBACK without an error reason code. Not thread-safe beyond one
 * publishing thread plus the client's callbacks.
 */
final class RetryingDevicePublisher implements AutoCloseable {
  private static final int WINDOW = 200;

  private final String host;
  private final int port;
  private final String clientId;
  private final IntFunction<String> topicOf;
  private final IntFunction<String> payloadOf;
  private final Map<Integer, Long> firstAckNanos = new ConcurrentHashMap<>();
  private volatile Semaphore window = new Semaphore(WINDOW);
  private volatile Mqtt5AsyncClient client;

  RetryingDevicePublisher(
      String host,
      int port,
      String clientId,
      IntFunction<String> topicOf,
      IntFunction<String> payloadOf) {
    this.host = host;
    this.port = port;
    this.clientId = clientId;
    this.topicOf = topicOf;
    this.payloadOf = payloadOf;
  }

  /**
   * (Re)connects with a clean session and a fresh window (sends lost with the old connection may
   * never complete); un-acknowledged messages are this object's to re-send.
   */
  void connect() throws Exception {
    window = new Semaphore(WINDOW);
    client =
        Mqtt5Client.builder().identifier(clientId).serverHost(host).serverPort(port).buildAsync();
    client.connect().get(10, TimeUnit.SECONDS);
  }

  /**
   * Sends message {@code i} (at most {@link #WINDOW} unacknowledged at once); a send on a dropped
   * connection fails and leaves {@code i} unacknowledged.
   */
  void publish(int i) {
    Semaphore window = this.window;
    if (!window.tryAcquire()) {
      try {
        if (!window.tryAcquire(5, TimeUnit.SECONDS)) {
          return; // the broker is gone and the PUBACKs with it: leave i for the retry
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    client
        .publishWith()
        .topic(topicOf.apply(i))
        .qos(MqttQos.AT_LEAST_ONCE)
        .payload(payloadOf.apply(i).getBytes(StandardCharsets.UTF_8))
        .send()
        .whenComplete(
            (result, error) -> {
              window.release();
              if (error == null && result.getError().isEmpty()) {
                firstAckNanos.putIfAbsent(i, System.nanoTime());
              }
            });
  }

  /**
   * Re-sends every message below {@code count} that has no PUBACK yet until all have one or {@code
   * timeout} passes; returns whether all were acknowledged.
   */
  boolean resendUnacknowledged(int count, Duration timeout) {
    return Waits.until(
        () -> {
          List<Integer> missing = unacknowledged(count);
          missing.forEach(this::publish);
          return missing.isEmpty()
              || Waits.until(() -> unacknowledged(count).isEmpty(), Duration.ofSeconds(5));
        },
        timeout,
        Duration.ofMillis(200));
  }

  int acknowledged() {
    return firstAckNanos.size();
  }

  /** When message {@code i} got its first PUBACK (System.nanoTime), if it did. */
  Long firstAckNanos(int i) {
    return firstAckNanos.get(i);
  }

  List<Integer> unacknowledged(int count) {
    return IntStream.range(0, count).filter(i -> !firstAckNanos.containsKey(i)).boxed().toList();
  }

  @Override
  public void close() throws Exception {
    if (client != null && client.getState().isConnected()) {
      client.disconnect().get(10, TimeUnit.SECONDS);
    }
  }
}
