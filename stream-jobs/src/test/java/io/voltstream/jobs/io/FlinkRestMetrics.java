package io.voltstream.jobs.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.model.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.test.junit5.MiniClusterExtension;

/**
 * Reads operator metrics of a job on a test MiniCluster through its REST API, like an operator
 * would. Start the cluster with {@link #fastMetrics()} so the REST view is at most 0.5 s old.
 */
public final class FlinkRestMetrics {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private FlinkRestMetrics() {}

  /** MiniCluster configuration whose REST metrics refresh every 500 ms. */
  public static Configuration fastMetrics() {
    Configuration conf = new Configuration();
    conf.set(MetricOptions.METRIC_FETCHER_UPDATE_INTERVAL, Duration.ofMillis(500));
    return conf;
  }

  /** Sum over every vertex and subtask of the operator metrics named {@code metric}. */
  public static double sum(MiniClusterExtension flink, JobID jobId, String metric)
      throws Exception {
    Configuration c = flink.getClientConfiguration();
    String jobUrl =
        "http://" + c.get(RestOptions.ADDRESS) + ":" + c.get(RestOptions.PORT) + "/jobs/" + jobId;
    double sum = 0;
    for (JsonNode vertex : rest(jobUrl).path("vertices")) {
      String metricsUrl = jobUrl + "/vertices/" + vertex.path("id").asText() + "/subtasks/metrics";
      for (JsonNode m : rest(metricsUrl)) {
        if (m.path("id").asText().endsWith("." + metric)) {
          sum += rest(metricsUrl + "?get=" + m.path("id").asText()).path(0).path("sum").asDouble();
        }
      }
    }
    return sum;
  }

  private static JsonNode rest(String url) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    return Json.MAPPER.readTree(r.body());
  }
}
