package io.voltstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.infra.junit.MosquittoExtension;
import io.voltstream.ingest.MqttPayloadFuzzer.FuzzMessage;
import io.voltstream.ingest.app.IngestApp;
import io.voltstream.ingest.mapping.DeviceMessageParser;
import io.voltstream.ingest.mapping.ParseResult;
import io.voltstream.ingest.mapping.ReadingParser;
import io.voltstream.ingest.mapping.RejectionReason;
import io.voltstream.model.DeadLetter;
import io.voltstream.model.Json;
import io.voltstream.model.SensorReading;
import io.voltstream.model.Topics;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 10,000 hostile MQTT messages ({@link MqttPayloadFuzzer}: mutated readings, batches, battery
 * states, acknowledgements, random bytes, wrong topic ids) through a real mosquitto into a running
 * {@link IngestApp} and a real (in-process KRaft) Kafka. Every message is traced by the sequence
 * number in its topic id: each one must come out as records on {@code readings}, {@code
 * battery-state} or {@code command-acks}, or as dead letters with a known reason code — none
 * vanishes, none is an {@code internal_error}. A batch mixing valid and invalid readings keeps
 * every valid one (elements are judged one by one); a batch whose JSON is broken is rejected whole,
 * as one dead letter (design §3, ingest README). Ingest must still take a valid reading at the end.
 * The seed is logged; rerun a failure with {@code -Dvoltstream.fuzz.seed=<seed>}.
 */
class IngestFuzzITCase {
  private static final Logger LOG = LoggerFactory.getLogger(IngestFuzzITCase.class);

  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();
  @RegisterExtension static final MosquittoExtension MQTT = new MosquittoExtension();

  private static final int MESSAGES = 10_000;
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final Pattern SEQ = Pattern.compile("fz-(\\d{6})");
  private static final Set<String> CODES =
      Arrays.stream(RejectionReason.values())
          .map(RejectionReason::code)
          .collect(Collectors.toSet());

  /** What one message turned into: records per output topic. */
  private record Outcome(int readings, int states, int acks, int deadLetters) {
    int total() {
      return readings + states + acks + deadLetters;
    }

    static Outcome expected(ParseResult r) {
      return new Outcome(
          r.readings().size(), r.batteryStates().size(), r.acks().size(), r.rejections().size());
    }
  }

  @Test
  void shouldAcceptOrDeadLetterEveryHostileMessageAndKeepRunning() throws Exception {
    long seed = Long.getLong("voltstream.fuzz.seed", System.nanoTime());
    LOG.info("Ingest fuzz seed {} (rerun with -Dvoltstream.fuzz.seed={})", seed, seed);
    String readingsTopic = KAFKA.uniqueName("readings");
    String dlqTopic = KAFKA.uniqueName("readings.dlq");
    KAFKA.createTopic(readingsTopic, 2);
    KAFKA.createTopic(dlqTopic, 2);
    KAFKA.createTopic(Topics.BATTERY_STATE.name(), 1);
    KAFKA.createTopic(Topics.COMMAND_ACKS.name(), 1);
    Map<String, String> env =
        IngestItSupport.env(
            MQTT.serverUri(),
            KAFKA.bootstrapServers(),
            KAFKA.uniqueName("ingest-fuzz"),
            KAFKA.uniqueName("fuzz"),
            readingsTopic,
            dlqTopic);
    env.put(IngestOptions.COMMAND_BRIDGE.name(), "false");

    long t0 = System.nanoTime();
    Instant base = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    MqttPayloadFuzzer fuzzer = new MqttPayloadFuzzer(new Random(seed), base);
    List<FuzzMessage> messages = new ArrayList<>(MESSAGES);
    for (int seq = 0; seq < MESSAGES; seq++) {
      messages.add(fuzzer.next(seq));
    }
    Instant publishedAt = Instant.now();
    Map<Integer, Outcome> expected = new HashMap<>();
    for (FuzzMessage m : messages) {
      // the expected split per topic (the parsers are pure); independent checks follow below
      expected.put(m.seq(), Outcome.expected(parse(m.topic(), m.payload(), publishedAt)));
    }
    LOG.info(
        "Ingest fuzz mix (generated and parsed in {} ms): {}",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0),
        new TreeMap<>(
            messages.stream()
                .collect(Collectors.groupingBy(FuzzMessage::kind, Collectors.counting()))));

    try (IngestApp ingest = IngestApp.start(IngestConfig.fromEnv(env))) {
      assertThat(ingest.awaitSubscribed(TIMEOUT)).as("subscribed").isTrue();
      long start = System.nanoTime();
      publishAll(messages);
      LOG.info(
          "Published {} messages in {} ms",
          MESSAGES,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
      Outcome sum =
          expected.values().stream()
              .reduce(
                  new Outcome(0, 0, 0, 0),
                  (a, b) ->
                      new Outcome(
                          a.readings + b.readings,
                          a.states + b.states,
                          a.acks + b.acks,
                          a.deadLetters + b.deadLetters));
      List<ConsumerRecord<String, String>> readings =
          KAFKA.consume(readingsTopic, sum.readings(), TIMEOUT);
      List<ConsumerRecord<String, String>> states =
          KAFKA.consume(Topics.BATTERY_STATE.name(), sum.states(), TIMEOUT);
      List<ConsumerRecord<String, String>> acks =
          KAFKA.consume(Topics.COMMAND_ACKS.name(), sum.acks(), TIMEOUT);
      List<ConsumerRecord<String, String>> deadLetters =
          KAFKA.consume(dlqTopic, sum.deadLetters(), TIMEOUT);
      LOG.info(
          "Ingest fuzz: {} messages → {} readings, {} battery states, {} acks, {} dead letters in"
              + " {} ms; ingest counters {}",
          MESSAGES,
          readings.size(),
          states.size(),
          acks.size(),
          deadLetters.size(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
          ingest.metrics().snapshot().summary());

      SoftAssertions soft = new SoftAssertions();
      Map<Integer, List<DeadLetter>> lettersBySeq = checkDeadLetters(deadLetters, soft);
      Map<Integer, List<SensorReading>> readingsBySeq = new HashMap<>();
      readings.forEach(
          r ->
              readingsBySeq
                  .computeIfAbsent(seqOf(r.key()), k -> new ArrayList<>())
                  .add(reading(r)));
      Map<Integer, Integer> statesBySeq = countBySeq(states);
      Map<Integer, Integer> acksBySeq = countBySeq(acks);

      for (FuzzMessage m : messages) {
        Outcome actual =
            new Outcome(
                readingsBySeq.getOrDefault(m.seq(), List.of()).size(),
                statesBySeq.getOrDefault(m.seq(), 0),
                acksBySeq.getOrDefault(m.seq(), 0),
                lettersBySeq.getOrDefault(m.seq(), List.of()).size());
        String what =
            "message " + m.seq() + " (" + m.kind() + ") on " + m.topic() + ", seed " + seed;
        soft.assertThat(actual.total()).as("%s vanished", what).isPositive();
        soft.assertThat(actual).as(what).isEqualTo(expected.get(m.seq()));
        checkBatch(m, readingsBySeq, lettersBySeq, soft, what);
      }
      soft.assertThat(ingest.metrics().snapshot().kafkaFailures()).isZero();
      soft.assertAll();

      // still alive and taking readings
      String last =
          "{\"sensor_id\":\"fz-final\",\"timestamp\":"
              + Instant.now().toEpochMilli()
              + ",\"sensor_type\":\"power\",\"power\":{\"value\":1,\"unit\":\"W\"}}";
      publishAll(
          List.of(
              new FuzzMessage(
                  -1, "sensors/fz-final/readings", last.getBytes(), "final", 0, List.of(), false)));
      assertThat(
              IngestItSupport.eventually(
                  () ->
                      KAFKA
                          .consume(readingsTopic, sum.readings() + 1, Duration.ofSeconds(5))
                          .stream()
                          .anyMatch(r -> r.key().equals("fz-final")),
                  TIMEOUT))
          .as("ingest still accepts a valid reading after the fuzz run")
          .isTrue();
      assertThat(ingest.metrics().messagesInFlight()).isZero();
    }
  }

  /** A mixed batch keeps every valid element; a syntax-broken one is one whole-payload letter. */
  private static void checkBatch(
      FuzzMessage m,
      Map<Integer, List<SensorReading>> readingsBySeq,
      Map<Integer, List<DeadLetter>> lettersBySeq,
      SoftAssertions soft,
      String what) {
    List<SensorReading> got = readingsBySeq.getOrDefault(m.seq(), List.of());
    List<DeadLetter> letters = lettersBySeq.getOrDefault(m.seq(), List.of());
    if (m.syntaxBroken()) {
      soft.assertThat(got).as("%s: readings of a broken batch", what).isEmpty();
      soft.assertThat(letters).as("%s: one letter for the whole batch", what).hasSize(1);
      soft.assertThat(letters)
          .allSatisfy(
              l -> {
                assertThat(l.batchIndex()).as(what).isNull();
                assertThat(l.reason()).as(what).startsWith("malformed_json: ");
              });
    } else if (m.batchSize() > 0) {
      soft.assertThat(got.size() + letters.size())
          .as("%s: every element accepted or dead-lettered", what)
          .isEqualTo(m.batchSize());
      soft.assertThat(got.stream().map(SensorReading::timestamp).toList())
          .as("%s: every valid element of the batch is kept", what)
          .containsAll(m.validTimestamps());
      soft.assertThat(letters)
          .as("%s: element letters carry their index", what)
          .allSatisfy(l -> assertThat(l.batchIndex()).isBetween(0, m.batchSize() - 1));
    }
  }

  /** Every dead letter has its topic, a payload and a known, non-internal reason code. */
  private static Map<Integer, List<DeadLetter>> checkDeadLetters(
      List<ConsumerRecord<String, String>> records, SoftAssertions soft) {
    Map<Integer, List<DeadLetter>> bySeq = new HashMap<>();
    for (ConsumerRecord<String, String> record : records) {
      DeadLetter letter;
      try {
        letter = Json.MAPPER.readValue(record.value(), DeadLetter.class);
      } catch (IOException e) {
        soft.fail("not a DeadLetter: " + record.value());
        continue;
      }
      String code = letter.reason() == null ? "" : letter.reason().split(": ", 2)[0];
      soft.assertThat(letter.reason()).as("reason of %s", record.key()).isNotBlank();
      soft.assertThat(CODES).as("code of %s: %s", record.key(), letter.reason()).contains(code);
      soft.assertThat(code)
          .as("%s: %s", record.key(), letter.reason())
          .isNotEqualTo("internal_error");
      soft.assertThat(letter.mqttTopic()).isEqualTo(record.key());
      soft.assertThat(letter.payload()).as("payload of %s", record.key()).isNotNull();
      bySeq.computeIfAbsent(seqOf(record.key()), k -> new ArrayList<>()).add(letter);
    }
    return bySeq;
  }

  private static ParseResult parse(String topic, byte[] payload, Instant at) {
    return DeviceMessageParser.handles(topic)
        ? DeviceMessageParser.parse(topic, payload, at)
        : ReadingParser.parse(topic, payload, at);
  }

  private static Map<Integer, Integer> countBySeq(List<ConsumerRecord<String, String>> records) {
    Map<Integer, Integer> out = new HashMap<>();
    records.forEach(r -> out.merge(seqOf(r.key()), 1, Integer::sum));
    return out;
  }

  private static int seqOf(String key) {
    Matcher m = SEQ.matcher(key == null ? "" : key);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  private static SensorReading reading(ConsumerRecord<String, String> record) {
    try {
      return Json.MAPPER.readValue(record.value(), SensorReading.class);
    } catch (IOException e) {
      throw new AssertionError("not a SensorReading: " + record.value(), e);
    }
  }

  /** QoS 1, at most 200 unacknowledged at a time; returns when every PUBACK arrived. */
  private static void publishAll(List<FuzzMessage> messages) throws Exception {
    Mqtt5AsyncClient publisher =
        Mqtt5Client.builder()
            .identifier(KAFKA.uniqueName("fuzz-publisher"))
            .serverHost(MQTT.host())
            .serverPort(MQTT.port())
            .buildAsync();
    publisher.connect().get(10, TimeUnit.SECONDS);
    try {
      Semaphore window = new Semaphore(200);
      List<CompletableFuture<?>> pubacks = new ArrayList<>(messages.size());
      for (FuzzMessage m : messages) {
        window.acquireUninterruptibly();
        pubacks.add(
            publisher
                .publishWith()
                .topic(m.topic())
                .qos(MqttQos.AT_LEAST_ONCE)
                .payload(m.payload())
                .send()
                .whenComplete((result, error) -> window.release()));
      }
      CompletableFuture.allOf(pubacks.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    } finally {
      publisher.disconnect().get(10, TimeUnit.SECONDS);
    }
  }
}
