package io.voltstream.ingest;

import io.voltstream.ingest.mapping.RejectionReason;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one ingest instance, updated from the MQTT and Kafka threads. Readings and dead
 * letters are counted when Kafka acknowledged them, so a redelivered message is counted again
 * (at-least-once). {@link #snapshot()} gives a consistent-enough copy for logs, the launcher and
 * benchmarks.
 */
public final class IngestMetrics {
  private final LongAdder messagesReceived = new LongAdder();
  private final LongAdder messagesAcknowledged = new LongAdder();
  private final LongAdder readingsAccepted = new LongAdder();
  private final LongAdder dataPointsAccepted = new LongAdder();
  private final LongAdder batteryStatesAccepted = new LongAdder();
  private final LongAdder acksAccepted = new LongAdder();
  private final LongAdder kafkaFailures = new LongAdder();
  private final LongAdder redeliveries = new LongAdder();
  private final LongAdder subscriptions = new LongAdder();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Map<RejectionReason, LongAdder> rejected = new EnumMap<>(RejectionReason.class);

  public IngestMetrics() {
    for (RejectionReason reason : RejectionReason.values()) {
      rejected.put(reason, new LongAdder());
    }
  }

  /** An immutable copy of the counters. {@code rejectedByReason} lists only reasons seen. */
  public record Snapshot(
      long messagesReceived,
      long messagesAcknowledged,
      int messagesInFlight,
      long readingsAccepted,
      long dataPointsAccepted,
      long rejected,
      Map<String, Long> rejectedByReason,
      long kafkaFailures,
      long redeliveries,
      long subscriptions,
      long batteryStatesAccepted,
      long acksAccepted) {

    /** One log line. */
    public String summary() {
      return "messages received="
          + messagesReceived
          + " acked="
          + messagesAcknowledged
          + " inFlight="
          + messagesInFlight
          + " | readings accepted="
          + readingsAccepted
          + " dataPoints="
          + dataPointsAccepted
          + " | batteryStates="
          + batteryStatesAccepted
          + " acks="
          + acksAccepted
          + " | rejected="
          + rejected
          + " "
          + rejectedByReason
          + " | kafkaFailures="
          + kafkaFailures
          + " redeliveries="
          + redeliveries
          + " subscriptions="
          + subscriptions;
    }
  }

  public void messageReceived() {
    messagesReceived.increment();
    inFlight.incrementAndGet();
  }

  /**
   * The message is finished (acknowledged, or left for redelivery): it no longer counts as in
   * flight.
   */
  public void messageDone(boolean acknowledged) {
    inFlight.decrementAndGet();
    if (acknowledged) {
      messagesAcknowledged.increment();
    }
  }

  public void readingAccepted(int dataPoints) {
    readingsAccepted.increment();
    dataPointsAccepted.add(dataPoints);
  }

  public void batteryStateAccepted() {
    batteryStatesAccepted.increment();
  }

  public void ackAccepted() {
    acksAccepted.increment();
  }

  public void rejected(RejectionReason reason) {
    rejected.get(reason).increment();
  }

  public void kafkaFailure() {
    kafkaFailures.increment();
  }

  public void redeliveryForced() {
    redeliveries.increment();
  }

  /** The broker acknowledged our subscription (once per MQTT connection). */
  public void subscribed() {
    subscriptions.increment();
  }

  public int messagesInFlight() {
    return inFlight.get();
  }

  /** Messages dead-lettered for {@code reason} so far. */
  public long rejectedCount(RejectionReason reason) {
    return rejected.get(reason).sum();
  }

  public Snapshot snapshot() {
    Map<String, Long> byReason = new LinkedHashMap<>();
    long total = 0;
    for (Map.Entry<RejectionReason, LongAdder> entry : rejected.entrySet()) {
      long count = entry.getValue().sum();
      if (count > 0) {
        byReason.put(entry.getKey().code(), count);
        total += count;
      }
    }
    return new Snapshot(
        messagesReceived.sum(),
        messagesAcknowledged.sum(),
        inFlight.get(),
        readingsAccepted.sum(),
        dataPointsAccepted.sum(),
        total,
        Collections.unmodifiableMap(byReason),
        kafkaFailures.sum(),
        redeliveries.sum(),
        subscriptions.sum(),
        batteryStatesAccepted.sum(),
        acksAccepted.sum());
  }
}
