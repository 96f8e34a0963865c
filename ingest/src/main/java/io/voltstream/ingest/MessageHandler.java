package io.voltstream.ingest;

import io.voltstream.ingest.mapping.DeadLetters;
import io.voltstream.ingest.mapping.DeviceMessageParser;
import io.voltstream.ingest.mapping.ParseResult;
import io.voltstream.ingest.mapping.ReadingParser;
import io.voltstream.ingest.mapping.Rejection;
import io.voltstream.ingest.mapping.RejectionReason;
import io.voltstream.model.DeadLetter;
import io.voltstream.model.SensorReading;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The at-least-once core of ingest, free of MQTT and Kafka types: parses a message (a reading
 * batch, a battery state or a command acknowledgement), hands every record and dead letter made
 * from it to the {@link RecordSink}, and acknowledges the message only when the sink stored all of
 * them. When the sink fails the message stays unacknowledged and {@code onSinkFailure} asks the
 * transport to have it delivered again, so nothing is dropped.
 *
 * <pre>{@code
 * MessageHandler handler = new MessageHandler(sink, metrics, Clock.systemUTC(), mqtt::forceRedelivery);
 * handler.handle(message); // acks the message later, from the sink's callback
 * }</pre>
 */
public final class MessageHandler {
  private static final Logger LOG = LoggerFactory.getLogger(MessageHandler.class);

  private final RecordSink sink;
  private final IngestMetrics metrics;
  private final Clock clock;
  private final Runnable onSinkFailure;

  public MessageHandler(
      RecordSink sink, IngestMetrics metrics, Clock clock, Runnable onSinkFailure) {
    this.sink = Objects.requireNonNull(sink, "sink");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.onSinkFailure = Objects.requireNonNull(onSinkFailure, "onSinkFailure");
  }

  /**
   * Processes one message; the returned future completes (never exceptionally) when the message is
   * finished: acknowledged, or left unacknowledged for redelivery.
   */
  public CompletableFuture<Void> handle(InboundMessage message) {
    metrics.messageReceived();
    Instant receivedAt = clock.instant();
    byte[] payload = message.payload();
    ParseResult result = parse(message.topic(), payload, receivedAt);
    List<SensorReading> readings = result.readings();
    List<DeadLetter> deadLetters =
        result.rejections().stream()
            .map(rejection -> DeadLetters.of(message.topic(), payload, rejection, receivedAt))
            .toList();
    return sink.send(readings, result.batteryStates(), result.acks(), deadLetters)
        .handle(
            (stored, failure) -> {
              if (failure == null) {
                readings.forEach(reading -> metrics.readingAccepted(reading.metricCount()));
                result.batteryStates().forEach(state -> metrics.batteryStateAccepted());
                result.acks().forEach(ack -> metrics.ackAccepted());
                result.rejections().forEach(rejection -> metrics.rejected(rejection.reason()));
                message.acknowledge();
                metrics.messageDone(true);
              } else {
                metrics.kafkaFailure();
                metrics.messageDone(false);
                LOG.warn(
                    "Could not store the {} record(s) of a message on {}; leaving it unacknowledged"
                        + " for redelivery: {}",
                    result.recordCount(),
                    message.topic(),
                    failure.toString());
                onSinkFailure.run();
              }
              return null;
            });
  }

  private static ParseResult parse(String topic, byte[] payload, Instant receivedAt) {
    try {
      return DeviceMessageParser.handles(topic)
          ? DeviceMessageParser.parse(topic, payload, receivedAt)
          : ReadingParser.parse(topic, payload, receivedAt);
    } catch (RuntimeException bug) {
      // The parser is meant to be total; if it is not, keep the payload in the DLQ instead of
      // looping on redelivery of a message that will always fail the same way.
      LOG.error(
          "Parser failed on a message on {}; dead-lettering it as internal_error", topic, bug);
      return ParseResult.rejected(
          Rejection.ofPayload(RejectionReason.INTERNAL_ERROR, String.valueOf(bug)));
    }
  }
}
