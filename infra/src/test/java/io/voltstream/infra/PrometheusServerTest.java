package io.voltstream.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrometheusServerTest {

  @Test
  void configScrapesEveryTargetAtTheInterval() {
    String yaml =
        PrometheusServer.config(
            Duration.ofSeconds(1),
            List.of(
                new PrometheusServer.Target("ingest", "127.0.0.1:9401"),
                new PrometheusServer.Target("flink", "127.0.0.1:9249")));

    assertThat(yaml)
        .contains("scrape_interval: 1000ms")
        .contains("- job_name: 'ingest'")
        .contains("targets: ['127.0.0.1:9401']")
        .contains("- job_name: 'flink'")
        .contains("targets: ['127.0.0.1:9249']");
  }
}
