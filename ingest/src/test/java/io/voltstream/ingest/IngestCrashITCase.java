package io.voltstream.ingest;

import static io.voltstream.ingest.IngestItSupport.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import io.voltstream.infra.NumberedReadings;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.infra.junit.MosquittoExtension;
import io.voltstream.ingest.app.IngestApp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kill -9 of the ingest process in the middle of 10,000 QoS 1 readings: a new process with the same
 * client id resumes the MQTT session, and every reading reaches Kafka (duplicates allowed, none
 * lost). Ingest runs in separate JVMs started from this test's classpath.
 */
class IngestCrashITCase {
  private static final Logger LOG = LoggerFactory.getLogger(IngestCrashITCase.class);
  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();
  @RegisterExtension static final MosquittoExtension MQTT = new MosquittoExtension();

  private static final int READINGS = 10_000;
  private static final int SENSORS = 50;

  /** The ingest JVM is killed once this many readings are in Kafka. */
  private static final int KILL_AFTER_STORED = 1_500;

  /** Publishing is paced so that it goes on while the first JVM dies and the second starts. */
  private static final int PUBLISH_RATE_PER_S = 1_000;

  private static final NumberedReadings NUMBERED =
      new NumberedReadings(
          "crash",
          SENSORS,
          Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS));

  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void stopProcesses() throws InterruptedException {
    for (Process process : processes) {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    assertThat(processes).noneMatch(Process::isAlive);
  }

  @Test
  void shouldLoseNoReadingWhenTheIngestProcessIsKilledMidStream() throws Exception {
    IngestItSupport.FreshTopics topics = IngestItSupport.freshTopics(KAFKA, MQTT, "ingest-crash");
    String readingsTopic = topics.readings();
    String deadLetterTopic = topics.deadLetters();
    Map<String, String> env = topics.env();
    env.put(IngestOptions.METRICS_LOG_INTERVAL.name(), "1s");

    Path firstLog = logFile("first");
    Process first = startIngestJvm(env, firstLog);
    assertThat(eventually(() -> logContains(firstLog, "Subscribed "), Duration.ofSeconds(60)))
        .as("first ingest JVM subscribed; log:%n%s", readLog(firstLog))
        .isTrue();

    Mqtt5AsyncClient publisher =
        Mqtt5Client.builder()
            .identifier(KAFKA.uniqueName("publisher"))
            .serverHost(MQTT.host())
            .serverPort(MQTT.port())
            .buildAsync();
    publisher.connect().get(10, TimeUnit.SECONDS);
    AtomicInteger published = new AtomicInteger();
    CompletableFuture<Void> publishing =
        CompletableFuture.runAsync(() -> publishAll(publisher, published));

    assertThat(
            eventually(
                () -> countRecords(readingsTopic) >= KILL_AFTER_STORED, Duration.ofSeconds(60)))
        .as("first ingest JVM stored readings; log:%n%s", readLog(firstLog))
        .isTrue();
    first.destroyForcibly();
    assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();
    int publishedAtKill = published.get();
    long readingsAtKill = countRecords(readingsTopic);
    LOG.info(
        "Killed ingest JVM (exit {}) after {} published, {} stored in Kafka",
        first.exitValue(),
        publishedAtKill,
        readingsAtKill);
    assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(137);
    assertThat(readingsAtKill).as("killed mid-stream").isLessThan(READINGS);

    Path secondLog = logFile("second");
    startIngestJvm(env, secondLog);
    publishing.get(120, TimeUnit.SECONDS);
    publisher.disconnect().get(10, TimeUnit.SECONDS);

    Map<String, Integer> copiesById = readAllIds(readingsTopic, Duration.ofSeconds(120));
    long duplicates = copiesById.values().stream().mapToLong(copies -> copies - 1).sum();
    LOG.info(
        "Crash test: {} distinct readings of {} in Kafka, {} duplicate record(s)",
        copiesById.size(),
        READINGS,
        duplicates);
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < READINGS && missing.size() < 20; i++) {
      if (!copiesById.containsKey(NUMBERED.readingId(i))) {
        missing.add(NUMBERED.readingId(i));
      }
    }
    assertThat(missing)
        .as("lost readings (first 20); second log:%n%s", readLog(secondLog))
        .isEmpty();
    assertThat(copiesById).hasSize(READINGS);
    assertThat(countRecords(deadLetterTopic)).as("no reading was dead-lettered").isZero();
  }

  /**
   * Publishes every reading with QoS 1 at {@link #PUBLISH_RATE_PER_S}, at most 200 unacknowledged
   * at a time, and waits for all PUBACKs.
   */
  private static void publishAll(Mqtt5AsyncClient publisher, AtomicInteger published) {
    Semaphore window = new Semaphore(200);
    List<CompletableFuture<?>> acks = new ArrayList<>(READINGS);
    long start = System.nanoTime();
    for (int i = 0; i < READINGS; i++) {
      long due = start + TimeUnit.SECONDS.toNanos(i) / PUBLISH_RATE_PER_S;
      while (System.nanoTime() < due) {
        LockSupport.parkNanos(due - System.nanoTime()); // load pacing
      }
      window.acquireUninterruptibly();
      acks.add(
          publisher
              .publishWith()
              .topic(NUMBERED.topic(i))
              .qos(MqttQos.AT_LEAST_ONCE)
              .payload(NUMBERED.payload(i).getBytes(StandardCharsets.UTF_8))
              .send()
              .whenComplete(
                  (result, error) -> {
                    window.release();
                    published.incrementAndGet();
                  }));
    }
    CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
  }

  private Process startIngestJvm(Map<String, String> env, Path log) throws IOException {
    String classpath = System.getProperty("java.class.path");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(java, "-Xmx256m", "-cp", classpath, IngestApp.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    processes.add(process);
    LOG.info("Started ingest JVM pid {} logging to {}", process.pid(), log);
    return process;
  }

  private static Path logFile(String name) throws IOException {
    Path dir = Path.of(System.getProperty("basedir", "."), "target", "crash-itcase");
    Files.createDirectories(dir);
    return dir.resolve("ingest-" + name + "-" + System.nanoTime() + ".log");
  }

  private static boolean logContains(Path log, String text) {
    return readLog(log).contains(text);
  }

  /** The last 60 lines of a child's log, for failure messages. */
  private static String readLog(Path log) {
    try (var lines = Files.lines(log)) {
      List<String> all = lines.collect(Collectors.toList());
      return String.join(
          System.lineSeparator(), all.subList(Math.max(0, all.size() - 60), all.size()));
    } catch (IOException | java.io.UncheckedIOException e) {
      return "";
    }
  }

  private static KafkaConsumer<String, String> consumer(String topic) {
    Properties props = KAFKA.clientProperties();
    props.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .collect(Collectors.toList());
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return consumer;
  }

  private static long countRecords(String topic) {
    try (KafkaConsumer<String, String> consumer = consumer(topic)) {
      List<TopicPartition> partitions = new ArrayList<>(consumer.assignment());
      return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /**
   * Reading id → number of copies in the topic, read until all ids are there or the timeout passed
   * (each read goes to the topic's end, so duplicates written before it are counted too).
   */
  private static Map<String, Integer> readAllIds(String topic, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, Integer> copies =
        NumberedReadings.copiesById(KAFKA.bootstrapServers(), topic, Duration.ofSeconds(30));
    while (copies.size() < READINGS && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500)); // poll interval
      copies = NumberedReadings.copiesById(KAFKA.bootstrapServers(), topic, Duration.ofSeconds(30));
    }
    return copies;
  }
}
