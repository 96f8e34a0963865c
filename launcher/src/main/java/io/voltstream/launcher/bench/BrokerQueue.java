package io.voltstream.launcher.bench;

import io.voltstream.sim.mqtt.MqttPublisher;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT broker's backlog: mosquitto's {@value #TOPIC} (messages it holds: queued for a session
 * that has not taken them yet, in flight, and retained), which it publishes every {@code
 * sys_interval} (10 s by default, so the figure is up to 10 s old). Readings the load generator had
 * acknowledged by the broker but ingest has not received yet wait here; leaving them out made a
 * stack that fell behind look as if it kept up (issue 13). The benchmark subtracts the idle value
 * (retained messages) taken before the load starts.
 */
final class BrokerQueue implements AutoCloseable {
  static final String TOPIC = "$SYS/broker/store/messages/count";
  private static final Logger LOG = LoggerFactory.getLogger(BrokerQueue.class);

  private final MqttPublisher mqtt;
  private final AtomicLong stored = new AtomicLong(-1);

  private BrokerQueue(MqttPublisher mqtt) {
    this.mqtt = mqtt;
  }

  static BrokerQueue start(URI mqttUrl) {
    MqttPublisher mqtt =
        MqttPublisher.start(
            mqttUrl, "voltstream-bench-sys-" + UUID.randomUUID().toString().substring(0, 8), 10);
    BrokerQueue queue = new BrokerQueue(mqtt);
    mqtt.subscribe(TOPIC, (topic, payload) -> queue.update(payload));
    return queue;
  }

  private void update(byte[] payload) {
    String text = new String(payload, StandardCharsets.US_ASCII).trim();
    try {
      stored.set(Long.parseLong(text));
    } catch (NumberFormatException e) {
      LOG.warn("{} is not a count: '{}'", TOPIC, text);
    }
  }

  /** Messages the broker held at its last report; empty before the first one. */
  OptionalLong storedMessages() {
    long v = stored.get();
    return v < 0 ? OptionalLong.empty() : OptionalLong.of(v);
  }

  @Override
  public void close() {
    mqtt.close();
  }
}
