package io.voltstream.ingest.mqtt;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttClientConnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscription;
import io.voltstream.ingest.InboundMessage;
import io.voltstream.ingest.IngestConfig;
import io.voltstream.ingest.IngestMetrics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT side of ingest (HiveMQ client, MQTT 5): a persistent session under a fixed client id, a
 * QoS 1 shared subscription so several instances split the readings, and manual acknowledgement so
 * a message is acknowledged only when the listener says its records are stored. At most {@code
 * maxInFlight} messages are in progress at once; beyond that the dispatcher stops handing messages
 * over and the broker's in-flight window fills, which holds back the broker. Messages are handed to
 * the listener on one thread, in arrival order.
 *
 * <pre>{@code
 * MqttIngestClient mqtt = new MqttIngestClient(config, metrics);
 * mqtt.start(message -> store(message).thenRun(message::acknowledge)); // the future ends its turn
 * mqtt.awaitSubscribed(Duration.ofSeconds(10));
 * }</pre>
 */
public final class MqttIngestClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MqttIngestClient.class);

  /**
   * Largest MQTT packet the broker may send us; bigger ones are dropped by the broker (design limit
   * is 64 KiB).
   */
  private static final int MAX_PACKET_BYTES = 1024 * 1024;

  /**
   * The receive maximum announced to the broker: the protocol's largest. Mosquitto 2.0.11, resuming
   * a session that another connection left with unacknowledged messages, sends up to one window
   * more than the announced maximum; the HiveMQ client treats that as a protocol error and
   * disconnects, and every resume repeats it (a redelivery livelock seen in IngestCrashITCase). The
   * real bound on messages in progress is {@link IngestConfig#maxInFlight()}, enforced by {@link
   * #inFlight}. The remaining limit is the broker's: a session backlog above 65,535 messages makes
   * mosquitto reuse packet ids (see the module README).
   */
  static final int ANNOUNCED_RECEIVE_MAXIMUM = 65_535;

  /**
   * Pause before resuming the session, so a persistent Kafka failure does not spin the reconnect
   * loop.
   */
  private static final Duration REDELIVERY_DELAY = Duration.ofSeconds(1);

  private final IngestConfig config;
  private final IngestMetrics metrics;
  private final Mqtt5AsyncClient client;
  private final ExecutorService dispatcher;
  private final CompletableFuture<Void> subscribed = new CompletableFuture<>();
  private final AtomicBoolean redeliveryPending = new AtomicBoolean();
  private final Semaphore inFlight;
  private volatile boolean consuming = true;
  private volatile boolean closed;

  public MqttIngestClient(IngestConfig config, IngestMetrics metrics) {
    this.config = config;
    this.metrics = metrics;
    this.inFlight = new Semaphore(config.maxInFlight());
    this.dispatcher =
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "ingest-mqtt-" + config.clientId());
              thread.setDaemon(true);
              return thread;
            });
    this.client =
        MqttClients.builder(config, config.clientId())
            .addConnectedListener(this::onConnected)
            .addDisconnectedListener(this::onDisconnected)
            .buildAsync();
  }

  /**
   * Registers {@code listener} and connects. Registration comes first so that messages the broker
   * kept in the session while we were away reach the listener too. Returns at once; the client
   * keeps reconnecting until {@link #close()}.
   */
  public void start(Function<InboundMessage, CompletableFuture<Void>> listener) {
    client.publishes(
        MqttGlobalPublishFilter.ALL, publish -> dispatch(publish, listener), dispatcher, true);
    connect();
  }

  /** Waits until the first subscription is acknowledged by the broker. */
  public boolean awaitSubscribed(Duration timeout) {
    try {
      subscribed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (java.util.concurrent.ExecutionException e) {
      return false;
    }
  }

  /**
   * Makes the broker deliver every unacknowledged message again: drops the connection and resumes
   * the session. Called when Kafka failed to store a message; several calls while one is in
   * progress cause a single reconnect.
   */
  public void forceRedelivery() {
    if (closed || !redeliveryPending.compareAndSet(false, true)) {
      return;
    }
    metrics.redeliveryForced();
    LOG.warn("Reconnecting {} so the broker redelivers unacknowledged messages", config.clientId());
    client
        .disconnect()
        .whenComplete(
            (ignored, error) ->
                CompletableFuture.runAsync(
                    () -> {
                      redeliveryPending.set(false);
                      if (!closed) {
                        connect();
                      }
                    },
                    CompletableFuture.delayedExecutor(
                        REDELIVERY_DELAY.toMillis(), TimeUnit.MILLISECONDS)));
  }

  /**
   * Stops handing new messages to the listener; they stay unacknowledged and are redelivered later.
   */
  public void stopConsuming() {
    consuming = false;
  }

  @Override
  public void close() {
    closed = true;
    consuming = false;
    try {
      client.disconnect().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
      LOG.debug(
          "MQTT disconnect of {} did not complete cleanly: {}", config.clientId(), e.toString());
    }
    dispatcher.shutdownNow();
  }

  private void connect() {
    client
        .connectWith()
        .cleanStart(false)
        .sessionExpiryInterval(config.sessionExpiry().getSeconds())
        .restrictions()
        .receiveMaximum(ANNOUNCED_RECEIVE_MAXIMUM)
        .maximumPacketSize(MAX_PACKET_BYTES)
        .applyRestrictions()
        .send()
        .whenComplete(
            (connAck, error) -> {
              if (error != null) {
                // automatic reconnect keeps trying; the listener logs the outcome
                LOG.warn(
                    "MQTT connect of {} to {}:{} failed: {}",
                    config.clientId(),
                    config.mqttHost(),
                    config.mqttPort(),
                    error.toString());
              }
            });
  }

  private void onConnected(MqttClientConnectedContext context) {
    LOG.info(
        "MQTT client {} connected to {}:{}",
        config.clientId(),
        config.mqttHost(),
        config.mqttPort());
    // Subscribing again on a resumed session is harmless, and needed when the session had expired.
    List<Mqtt5Subscription> subscriptions =
        config.subscriptionFilters().stream()
            .map(
                filter ->
                    Mqtt5Subscription.builder()
                        .topicFilter(filter)
                        .qos(MqttQos.AT_LEAST_ONCE)
                        .build())
            .toList();
    client
        .subscribeWith()
        .addSubscriptions(subscriptions)
        .send()
        .whenComplete(
            (subAck, error) -> {
              if (error != null) {
                LOG.error(
                    "Subscribing {} to {} failed: {}",
                    config.clientId(),
                    config.subscriptionFilters(),
                    error.toString());
              } else {
                LOG.info(
                    "Subscribed {} to {} (QoS 1, at most {} messages in progress)",
                    config.clientId(),
                    config.subscriptionFilters(),
                    config.maxInFlight());
                metrics.subscribed();
                subscribed.complete(null);
              }
            });
  }

  private void onDisconnected(MqttClientDisconnectedContext context) {
    if (context.getSource() != MqttDisconnectSource.USER) {
      LOG.warn(
          "MQTT client {} disconnected ({}): {}; reconnecting",
          config.clientId(),
          context.getSource(),
          context.getCause() == null ? "-" : context.getCause().toString());
    }
  }

  /**
   * Hands one message to the listener once fewer than {@code maxInFlight} are in progress; while it
   * waits, later messages wait in the dispatcher's queue (bounded by the broker's in-flight
   * window).
   */
  private void dispatch(
      Mqtt5Publish publish, Function<InboundMessage, CompletableFuture<Void>> listener) {
    try {
      while (!inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
        if (!consuming) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (!consuming) {
      inFlight.release();
      return; // not acknowledged: the broker keeps it in the session for the next connection
    }
    listener
        .apply(new HiveMqInboundMessage(publish))
        .whenComplete((done, error) -> inFlight.release());
  }

  private record HiveMqInboundMessage(Mqtt5Publish publish) implements InboundMessage {
    @Override
    public String topic() {
      return publish.getTopic().toString();
    }

    @Override
    public byte[] payload() {
      return publish.getPayloadAsBytes();
    }

    @Override
    public void acknowledge() {
      publish.acknowledge();
    }
  }
}
