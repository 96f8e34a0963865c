package io.voltstream.ingest.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.voltstream.ingest.IngestMetrics;
import io.voltstream.ingest.mapping.RejectionReason;
import java.util.function.ToDoubleFunction;

/**
 * Publishes an ingest instance's {@link IngestMetrics} as Micrometer meters, read at scrape time
 * (the counters stay plain {@code LongAdder}s on the hot path, free of Micrometer). Every meter
 * carries the instance's {@code client_id}.
 *
 * <p>Prometheus names: {@code voltstream_ingest_messages_received_total}, {@code
 * …_readings_accepted_total}, {@code …_data_points_accepted_total}, {@code
 * …_dead_letters_total{reason}} (one series per {@link RejectionReason}, zeros included), {@code
 * …_battery_states_accepted_total}, {@code …_command_acks_accepted_total}, {@code
 * …_kafka_failures_total}, {@code …_redeliveries_total}, {@code …_messages_in_flight}.
 */
public final class IngestMeters implements MeterBinder {
  private static final String PREFIX = "voltstream.ingest.";

  private final IngestMetrics metrics;
  private final String clientId;

  public IngestMeters(IngestMetrics metrics, String clientId) {
    this.metrics = metrics;
    this.clientId = clientId;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    counter(
        registry,
        "messages.received",
        "MQTT messages delivered to ingest (readings, battery states, acks)",
        m -> m.snapshot().messagesReceived());
    counter(
        registry,
        "readings.accepted",
        "Readings Kafka acknowledged on the readings topic",
        m -> m.snapshot().readingsAccepted());
    counter(
        registry,
        "data.points.accepted",
        "Metric values in the accepted readings",
        m -> m.snapshot().dataPointsAccepted());
    counter(
        registry,
        "battery.states.accepted",
        "Battery state reports Kafka acknowledged",
        m -> m.snapshot().batteryStatesAccepted());
    counter(
        registry,
        "command.acks.accepted",
        "Command acknowledgements Kafka acknowledged",
        m -> m.snapshot().acksAccepted());
    counter(
        registry,
        "kafka.failures",
        "Kafka sends that failed (the message is redelivered by the broker)",
        m -> m.snapshot().kafkaFailures());
    counter(
        registry,
        "redeliveries",
        "Redeliveries ingest forced after a Kafka failure",
        m -> m.snapshot().redeliveries());
    for (RejectionReason reason : RejectionReason.values()) {
      FunctionCounter.builder(
              PREFIX + "dead.letters", metrics, m -> (double) m.rejectedCount(reason))
          .description("Messages written to the dead-letter topic, by reason")
          .tag("client_id", clientId)
          .tag("reason", reason.code())
          .register(registry);
    }
    Gauge.builder(PREFIX + "messages.in.flight", metrics, IngestMetrics::messagesInFlight)
        .description("MQTT messages delivered but not yet acknowledged (backpressure bound)")
        .tag("client_id", clientId)
        .register(registry);
  }

  private void counter(
      MeterRegistry registry, String name, String description, ToDoubleFunction<IngestMetrics> f) {
    FunctionCounter.builder(PREFIX + name, metrics, f)
        .description(description)
        .tag("client_id", clientId)
        .register(registry);
  }
}
