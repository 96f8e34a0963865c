package io.voltstream.ingest;

import static io.voltstream.ingest.mapping.ReadingTestData.RECEIVED_AT;
import static io.voltstream.ingest.mapping.ReadingTestData.TOPIC;
import static io.voltstream.ingest.mapping.ReadingTestData.batch;
import static io.voltstream.ingest.mapping.ReadingTestData.bytes;
import static io.voltstream.ingest.mapping.ReadingTestData.metric;
import static io.voltstream.ingest.mapping.ReadingTestData.minimalReading;
import static io.voltstream.ingest.mapping.ReadingTestData.utf8;
import static io.voltstream.ingest.mapping.ReadingTestData.validReading;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.voltstream.model.DeadLetter;
import io.voltstream.model.SensorReading;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The acknowledgement contract: ack only after the sink stored every record, never on failure. */
class MessageHandlerTest {

  /** Records what it is given and lets the test decide when and how each send completes. */
  static final class ControlledSink implements RecordSink {
    final List<SensorReading> readings = new ArrayList<>();
    final List<DeadLetter> deadLetters = new ArrayList<>();
    final List<io.voltstream.model.BatteryTelemetry> batteryStates = new ArrayList<>();
    final List<io.voltstream.model.command.CommandAck> acks = new ArrayList<>();
    final List<CompletableFuture<Void>> sends = new ArrayList<>();

    @Override
    public CompletableFuture<Void> send(
        List<SensorReading> r,
        List<io.voltstream.model.BatteryTelemetry> b,
        List<io.voltstream.model.command.CommandAck> a,
        List<DeadLetter> d) {
      readings.addAll(r);
      batteryStates.addAll(b);
      acks.addAll(a);
      deadLetters.addAll(d);
      CompletableFuture<Void> future = new CompletableFuture<>();
      sends.add(future);
      return future;
    }

    @Override
    public void flush() {}

    @Override
    public void close(Duration timeout) {}
  }

  static final class Message implements InboundMessage {
    final String topic;
    final byte[] payload;
    final AtomicInteger acks = new AtomicInteger();

    Message(String topic, byte[] payload) {
      this.topic = topic;
      this.payload = payload;
    }

    @Override
    public String topic() {
      return topic;
    }

    @Override
    public byte[] payload() {
      return payload;
    }

    @Override
    public void acknowledge() {
      acks.incrementAndGet();
    }
  }

  private final ControlledSink sink = new ControlledSink();
  private final IngestMetrics metrics = new IngestMetrics();
  private final AtomicInteger redeliveryRequests = new AtomicInteger();
  private final MessageHandler handler =
      new MessageHandler(
          sink,
          metrics,
          Clock.fixed(RECEIVED_AT, ZoneOffset.UTC),
          redeliveryRequests::incrementAndGet);

  @Test
  void shouldAcknowledgeOnlyAfterTheSinkStoredEveryRecord() {
    Message message = new Message(TOPIC, bytes(validReading()));

    handler.handle(message);

    assertThat(sink.readings).hasSize(1);
    assertThat(message.acks).hasValue(0);
    assertThat(metrics.snapshot().messagesInFlight()).isEqualTo(1);

    sink.sends.get(0).complete(null);

    assertThat(message.acks).hasValue(1);
    assertThat(metrics.snapshot())
        .satisfies(
            s -> {
              assertThat(s.messagesInFlight()).isZero();
              assertThat(s.messagesAcknowledged()).isEqualTo(1);
              assertThat(s.readingsAccepted()).isEqualTo(1);
              assertThat(s.dataPointsAccepted()).isEqualTo(7);
            });
  }

  @Test
  void shouldNotAcknowledgeAndAskForRedeliveryWhenTheSinkFails() {
    Message message = new Message(TOPIC, bytes(validReading()));

    CompletableFuture<Void> finished = handler.handle(message);
    assertThat(finished).isNotDone();
    sink.sends.get(0).completeExceptionally(new IllegalStateException("broker down"));

    assertThat(finished)
        .isCompleted(); // normally: the transport only needs to know the turn is over
    assertThat(message.acks).hasValue(0);
    assertThat(redeliveryRequests).hasValue(1);
    assertThat(metrics.snapshot())
        .satisfies(
            s -> {
              assertThat(s.kafkaFailures()).isEqualTo(1);
              assertThat(s.messagesInFlight()).isZero();
              assertThat(s.messagesAcknowledged()).isZero();
              assertThat(s.readingsAccepted()).isZero();
            });
  }

  @Test
  void shouldSendGoodReadingsAndDeadLettersOfAMixedBatchTogether() {
    ObjectNode bad = minimalReading();
    metric(bad, "co2", -1, "ppm");
    Message message = new Message(TOPIC, bytes(batch(minimalReading(), bad)));

    handler.handle(message);
    sink.sends.get(0).complete(null);

    assertThat(sink.sends).hasSize(1);
    assertThat(sink.readings).hasSize(1);
    assertThat(sink.deadLetters)
        .singleElement()
        .satisfies(
            deadLetter -> {
              assertThat(deadLetter.batchIndex()).isEqualTo(1);
              assertThat(deadLetter.mqttTopic()).isEqualTo(TOPIC);
              assertThat(deadLetter.receivedAt()).isEqualTo(RECEIVED_AT);
            });
    assertThat(message.acks).hasValue(1);
    assertThat(metrics.snapshot().rejectedByReason()).isEqualTo(Map.of("out_of_range", 1L));
  }

  @Test
  void shouldDeadLetterAMalformedMessageAndAcknowledgeIt() {
    Message message = new Message(TOPIC, utf8("{not json"));

    handler.handle(message);
    sink.sends.get(0).complete(null);

    assertThat(sink.readings).isEmpty();
    assertThat(sink.deadLetters)
        .singleElement()
        .satisfies(deadLetter -> assertThat(deadLetter.payload()).isEqualTo("{not json"));
    assertThat(message.acks).hasValue(1);
    assertThat(metrics.snapshot().rejected()).isEqualTo(1);
  }

  @Test
  void shouldCountAgainWhenARedeliveredMessageIsStored() {
    Message first = new Message(TOPIC, bytes(minimalReading()));
    Message redelivered = new Message(TOPIC, bytes(minimalReading()));

    handler.handle(first);
    sink.sends.get(0).completeExceptionally(new IllegalStateException("timeout"));
    handler.handle(redelivered);
    sink.sends.get(1).complete(null);

    assertThat(first.acks).hasValue(0);
    assertThat(redelivered.acks).hasValue(1);
    assertThat(metrics.snapshot().messagesReceived()).isEqualTo(2);
    assertThat(metrics.snapshot().readingsAccepted()).isEqualTo(1);
  }
}
