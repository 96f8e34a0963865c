package io.voltstream.ingest.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.voltstream.ingest.IngestMetrics;
import io.voltstream.ingest.mapping.RejectionReason;
import org.junit.jupiter.api.Test;

class IngestMetersTest {

  @Test
  void scrapeShowsTheCountersByNameAndDeadLettersByReason() {
    IngestMetrics metrics = new IngestMetrics();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new IngestMeters(metrics, "ingest-1").bindTo(registry);

    metrics.messageReceived();
    metrics.messageReceived();
    metrics.readingAccepted(3);
    metrics.rejected(RejectionReason.MALFORMED_JSON);
    metrics.rejected(RejectionReason.MALFORMED_JSON);
    String text = registry.scrape();

    assertThat(text)
        .contains("voltstream_ingest_messages_received_total{client_id=\"ingest-1\"} 2.0")
        .contains("voltstream_ingest_readings_accepted_total{client_id=\"ingest-1\"} 1.0")
        .contains("voltstream_ingest_data_points_accepted_total{client_id=\"ingest-1\"} 3.0")
        .contains(
            "voltstream_ingest_dead_letters_total{client_id=\"ingest-1\",reason=\"malformed_json\"}"
                + " 2.0")
        .contains(
            "voltstream_ingest_dead_letters_total{client_id=\"ingest-1\",reason=\"out_of_range\"}"
                + " 0.0")
        .contains("voltstream_ingest_messages_in_flight{client_id=\"ingest-1\"} 2.0");
  }
}
