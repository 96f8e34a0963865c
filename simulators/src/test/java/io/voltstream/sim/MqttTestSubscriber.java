package io.voltstream.sim;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real MQTT subscriber on {@code sensors/+/readings} that collects every message it receives. */
public final class MqttTestSubscriber implements AutoCloseable {
  /** One received message. */
  public record Message(String topic, String payload) {}

  private final Mqtt5AsyncClient client;
  private final BlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
  private final List<Message> received = new ArrayList<>();

  public MqttTestSubscriber(String host, int port) throws Exception {
    this(host, port, "sensors/+/readings");
  }

  /** Subscribes to {@code topicFilters} (QoS 1). */
  public MqttTestSubscriber(String host, int port, String... topicFilters) throws Exception {
    client =
        MqttClient.builder()
            .useMqttVersion5()
            .identifier("test-sub-" + UUID.randomUUID())
            .serverHost(host)
            .serverPort(port)
            .buildAsync();
    client.connect().get(10, TimeUnit.SECONDS);
    for (String filter : topicFilters) {
      client
          .subscribeWith()
          .topicFilter(filter)
          .qos(MqttQos.AT_LEAST_ONCE)
          .callback(
              p ->
                  inbox.add(
                      new Message(
                          p.getTopic().toString(),
                          new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8))))
          .send()
          .get(10, TimeUnit.SECONDS);
    }
  }

  /** Publishes {@code payload} to {@code topic} (QoS 1) and waits for the broker's ack. */
  public void publish(String topic, String payload) throws Exception {
    client
        .publishWith()
        .topic(topic)
        .qos(MqttQos.AT_LEAST_ONCE)
        .payload(payload.getBytes(StandardCharsets.UTF_8))
        .send()
        .get(10, TimeUnit.SECONDS);
  }

  /**
   * Collects messages until {@code done} holds for everything received so far, or the deadline
   * passes.
   */
  public List<Message> awaitUntil(Predicate<List<Message>> done, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.test(received) && System.nanoTime() < deadline) {
      Message m =
          inbox.poll(
              Math.min(100_000_000L, Math.max(1, deadline - System.nanoTime())),
              TimeUnit.NANOSECONDS);
      if (m != null) {
        received.add(m);
        inbox.drainTo(received);
      }
    }
    return List.copyOf(received);
  }

  /** Everything received until now. */
  public List<Message> received() {
    inbox.drainTo(received);
    return List.copyOf(received);
  }

  @Override
  public void close() throws Exception {
    client.disconnect().get(5, TimeUnit.SECONDS);
  }
}
