package io.voltstream.sim.mqtt;

import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * What the simulated devices need from MQTT: QoS 1 publishes and subscriptions. One connection for
 * all ({@link MqttPublisher}) or one per device with its own login ({@link DeviceConnections}).
 */
public interface MqttLink {
  /** Publishes with QoS 1; the future completes when the broker acknowledged it. */
  CompletableFuture<Void> publish(String topic, byte[] payload);

  /** Like {@link #publish(String, byte[])}, building the payload only when it is sent. */
  CompletableFuture<Void> publish(String topic, Supplier<byte[]> payload);

  /** Subscribes with QoS 1 and hands each message's topic and payload to {@code handler}. */
  void subscribe(String topicFilter, BiConsumer<String, byte[]> handler);
}
