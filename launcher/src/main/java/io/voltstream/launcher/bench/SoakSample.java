package io.voltstream.launcher.bench;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One sampling instant of a soak: the stack JVM's heap after a full collection, its live threads
 * and open file descriptors, and per external process (mosquitto, influxd) RSS, threads and open
 * file descriptors, plus the load and WebSocket counters at that instant.
 *
 * @param elapsed time since the load started
 * @param heapAfterGcBytes heap in use right after {@code System.gc()} (the live set, not garbage)
 * @param processes by display name, including the stack JVM
 */
public record SoakSample(
    Duration elapsed,
    long heapAfterGcBytes,
    Map<String, ProcessFootprint> processes,
    long readingsPublished,
    long webSocketsOpened,
    long webSocketsOpen,
    long webSocketMessages,
    long kafkaLagReadings) {

  /** Resident memory, threads and open file descriptors of one process. */
  public record ProcessFootprint(long rssBytes, int threads, int openFds) {}

  public SoakSample {
    // Insertion order is the report's column order (the stack JVM first).
    processes = Collections.unmodifiableMap(new LinkedHashMap<>(processes));
  }
}
