package io.voltstream.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class PrometheusEndpointTest {

  @Test
  void servesTheRegistryAsPrometheusTextWithTheComponentTag() throws Exception {
    try (PrometheusEndpoint endpoint =
        PrometheusEndpoint.start("test", new MetricsEndpoint("127.0.0.1", 0))) {
      endpoint.registry().counter("voltstream.test.things").increment(3);
      int port = endpoint.port().orElseThrow();

      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
      assertThat(response.body()).contains("voltstream_test_things_total{component=\"test\"} 3.0");
    }
  }

  @Test
  void aTakenPortLeavesTheComponentRunningWithoutEndpoint() {
    try (PrometheusEndpoint first =
            PrometheusEndpoint.start("a", new MetricsEndpoint("127.0.0.1", 0));
        PrometheusEndpoint second =
            PrometheusEndpoint.start(
                "b", new MetricsEndpoint("127.0.0.1", first.port().orElseThrow()))) {
      assertThat(second.port()).isEmpty();
      second.registry().counter("still.counts").increment();
      assertThat(second.registry().scrape()).contains("still_counts_total");
    }
  }

  @Test
  void disabledEndpointServesNothing() {
    try (PrometheusEndpoint endpoint = PrometheusEndpoint.start("x", MetricsEndpoint.NONE)) {
      assertThat(endpoint.port()).isEmpty();
    }
  }
}
