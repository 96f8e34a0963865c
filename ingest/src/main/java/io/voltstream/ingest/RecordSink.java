package io.voltstream.ingest;

import io.voltstream.model.BatteryTelemetry;
import io.voltstream.model.DeadLetter;
import io.voltstream.model.SensorReading;
import io.voltstream.model.command.CommandAck;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where the records made from one MQTT message go (Kafka in production). The future completes when
 * every record is durably stored and fails if any one of them could not be; {@code send} never
 * throws.
 */
public interface RecordSink extends AutoCloseable {

  CompletableFuture<Void> send(
      List<SensorReading> readings,
      List<BatteryTelemetry> batteryStates,
      List<CommandAck> acks,
      List<DeadLetter> deadLetters);

  /** Readings and dead letters only. */
  default CompletableFuture<Void> send(List<SensorReading> readings, List<DeadLetter> deadLetters) {
    return send(readings, List.of(), List.of(), deadLetters);
  }

  /** Blocks until every record sent so far is acknowledged or failed. */
  void flush();

  /** Flushes, then releases resources, waiting at most {@code timeout}. */
  void close(Duration timeout);

  @Override
  default void close() {
    close(Duration.ofSeconds(30));
  }
}
