package io.voltstream.ingest.commands;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.voltstream.ingest.IngestConfig;
import io.voltstream.ingest.mqtt.MqttClients;
import io.voltstream.kafka.TopicSerdes;
import io.voltstream.model.Topics;
import io.voltstream.model.command.Command;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes every command of Kafka {@code commands} to its target's MQTT command topic ({@link
 * Command#mqttTopic()}) with QoS 1, at least once: the Kafka offsets of a polled batch are
 * committed only after the broker acknowledged (PUBACK) every publish of the batch; when a publish
 * fails the consumer seeks back and the batch is published again after a pause (targets see
 * duplicates, which they recognise by {@code command_id}). A command already past {@code
 * valid_until} is not published (it is counted; the command-status job marks it expired), and an
 * undecodable record is counted, logged and skipped: no record stops the bridge.
 *
 * <pre>{@code
 * try (CommandBridge bridge = CommandBridge.start(config, Clock.systemUTC())) { ... }
 * }</pre>
 */
public final class CommandBridge implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CommandBridge.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration PUBACK_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

  private final KafkaConsumer<String, byte[]> consumer;
  private final Mqtt5AsyncClient mqtt;
  private final Clock clock;
  private final Thread worker;
  private final Counts counts = new Counts();
  private volatile boolean running = true;

  /** Counters of the bridge, read by tests and logs. */
  public static final class Counts {
    private final LongAdder published = new LongAdder();
    private final LongAdder expired = new LongAdder();
    private final LongAdder malformed = new LongAdder();
    private final LongAdder publishFailures = new LongAdder();

    public long published() {
      return published.sum();
    }

    public long expired() {
      return expired.sum();
    }

    public long malformed() {
      return malformed.sum();
    }

    public long publishFailures() {
      return publishFailures.sum();
    }

    @Override
    public String toString() {
      return "published="
          + published()
          + " expired="
          + expired()
          + " malformed="
          + malformed()
          + " publishFailures="
          + publishFailures();
    }
  }

  private CommandBridge(IngestConfig config, Clock clock) {
    this.clock = clock;
    this.consumer =
        new KafkaConsumer<>(
            consumerProperties(config),
            TopicSerdes.keyDeserializer(Topics.COMMANDS),
            new ByteArrayDeserializer());
    this.mqtt = MqttClients.builder(config, config.clientId() + "-commands").buildAsync();
    this.worker = new Thread(this::run, "command-bridge-" + config.clientId());
    this.worker.setDaemon(true);
  }

  /**
   * Connects to the broker (in the background, reconnecting) and starts consuming {@code commands}.
   */
  public static CommandBridge start(IngestConfig config, Clock clock) {
    CommandBridge bridge = new CommandBridge(config, clock);
    bridge
        .mqtt
        .connectWith()
        .cleanStart(true)
        .send()
        .whenComplete(
            (ack, error) -> {
              if (error != null) {
                LOG.warn(
                    "Command bridge: MQTT connect failed ({}); retrying in the background",
                    error.toString());
              }
            });
    bridge.consumer.subscribe(List.of(Topics.COMMANDS.name()));
    bridge.worker.start();
    LOG.info(
        "Command bridge started: Kafka {} (group {}) → MQTT {}:{}",
        Topics.COMMANDS.name(),
        config.commandBridgeGroup(),
        config.mqttHost(),
        config.mqttPort());
    return bridge;
  }

  public Counts counts() {
    return counts;
  }

  private static Properties consumerProperties(IngestConfig config) {
    Properties props = new Properties();
    props.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
    props.setProperty(ConsumerConfig.GROUP_ID_CONFIG, config.commandBridgeGroup());
    props.setProperty(ConsumerConfig.CLIENT_ID_CONFIG, config.clientId() + "-commands");
    props.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    // A new group starts at the beginning: commands written before the first start are still
    // published if valid, and the expired ones are skipped by valid_until.
    props.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.setProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
    return props;
  }

  private void run() {
    try {
      while (running) {
        ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
        if (!records.isEmpty() && !publishBatch(records)) {
          rewind(records);
          pause();
        }
      }
    } catch (WakeupException stopping) {
      // close() woke the consumer up
    } catch (RuntimeException e) {
      LOG.error("Command bridge stopped by an unexpected error", e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /**
   * Publishes the batch; commits its offsets and returns true when every publish was acknowledged.
   */
  private boolean publishBatch(ConsumerRecords<String, byte[]> records) {
    List<CompletableFuture<?>> acks = new ArrayList<>();
    Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      next.put(
          new TopicPartition(record.topic(), record.partition()),
          new OffsetAndMetadata(record.offset() + 1));
      Command command = decode(record);
      if (command == null) {
        continue;
      }
      if (!command.isValidAt(clock.instant())) {
        counts.expired.increment();
        LOG.info(
            "Command {} to {} expired at {} before it could be published; not sent",
            command.commandId(),
            command.target(),
            command.validUntil());
        continue;
      }
      acks.add(
          mqtt.publishWith()
              .topic(command.mqttTopic())
              .qos(MqttQos.AT_LEAST_ONCE)
              .payload(CommandPayloads.mqttPayload(command))
              .send()
              .thenAccept(
                  result ->
                      result
                          .getError()
                          .ifPresent(
                              error -> {
                                throw new IllegalStateException(error);
                              })));
    }
    try {
      CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
          .get(PUBACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      counts.publishFailures.increment();
      LOG.warn(
          "Command bridge: publishing {} command(s) failed ({}); retrying the batch",
          acks.size(),
          e.toString());
      return false;
    }
    counts.published.add(acks.size());
    consumer.commitSync(next);
    return true;
  }

  private Command decode(ConsumerRecord<String, byte[]> record) {
    try {
      Command command =
          record.value() == null ? null : Topics.COMMANDS.decodeValue(record.key(), record.value());
      if (command == null) {
        throw new IllegalArgumentException("empty record");
      }
      return command;
    } catch (Exception e) {
      counts.malformed.increment();
      LOG.warn(
          "Command bridge: skipping undecodable record {}-{}@{}: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          e.toString());
      return null;
    }
  }

  /**
   * Seeks every partition of the batch back to its first record, so the next poll returns it again.
   */
  private void rewind(ConsumerRecords<String, byte[]> records) {
    for (TopicPartition partition : records.partitions()) {
      consumer.seek(partition, records.records(partition).get(0).offset());
    }
  }

  private void pause() {
    try {
      TimeUnit.MILLISECONDS.sleep(
          RETRY_PAUSE.toMillis()); // back-off before retrying a failed publish
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      worker.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      mqtt.disconnect().get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.debug("Command bridge: MQTT disconnect did not complete cleanly: {}", e.toString());
    }
    LOG.info("Command bridge stopped: {}", counts);
  }
}
