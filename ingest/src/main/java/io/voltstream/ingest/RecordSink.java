package io.voltstream.ingest;

import io.voltstream.model.DeadLetter;
import io.voltstream.model.SensorReading;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where the records made from one MQTT message go (Kafka in production). The future completes
 * when every record is durably stored and fails if any one of them could not be; {@code send} never
 * throws.
 */
public interface RecordSink extends AutoCloseable {

  CompletableFuture<Void> send(List<SensorReading> readings, List<DeadLetter> deadLetters);

  /** Blocks until every record sent so far is acknowledged or failed. */
  void flush();

  /** Flushes, then releases resources, waiting at most {@code timeout}. */
  void close(Duration timeout);

  @Override
  default void close() {
    close(Duration.ofSeconds(30));
  }
}
