package io.voltstream.launcher.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.launcher.cluster.ProjectLayout;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.junit.jupiter.api.Test;

/**
 * The standalone cluster's config.yaml turns on the same Prometheus reporter as the MiniCluster.
 */
class FlinkPrometheusConfigTest {

  @Test
  void shippedConfigEnablesThePrometheusReporterOnAPortRange() {
    Configuration conf =
        GlobalConfiguration.loadConfiguration(
            ProjectLayout.root().resolve("flink-conf").toString());

    assertThat(conf.toMap())
        .containsEntry(
            "metrics.reporter.prom.factory.class",
            "org.apache.flink.metrics.prometheus.PrometheusReporterFactory")
        .containsEntry("metrics.reporter.prom.port", "9249-9259");
  }
}
