package io.voltstream.launcher.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Busy time per Flink job from the MiniCluster's REST API: {@code busyTimeMsPerSecond} summed over
 * every subtask of every vertex of the job (ms per second a task spent neither idle nor
 * back-pressured, so 1,000 = one task thread busy all the time; Flink's own gauge, refreshed by the
 * REST metric fetcher every 10 s, so the benchmark asks once at the start of a step, which makes
 * the fetcher collect, and reads at its end). Unlike thread CPU ({@link JobCpu}) it tells apart
 * jobs whose vertices have the same name; on a saturated box it also counts time waiting for a
 * core.
 */
final class JobBusyTime {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final java.util.regex.Pattern SUM =
      java.util.regex.Pattern.compile("\"sum\"\\s*:\\s*(-?[0-9][0-9.eE+-]*)");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final URI rest;

  JobBusyTime(URI rest) {
    this.rest = rest;
  }

  /** Busy ms/s per job, largest first; a job whose metrics cannot be read is left out. */
  Map<String, Double> sample(JobCpu.Mapping mapping) {
    Map<String, Double> byJob = new LinkedHashMap<>();
    mapping.vertexPathsByJob().entrySet().stream()
        .map(e -> Map.entry(e.getKey(), busy(e.getValue())))
        .filter(e -> e.getValue() >= 0)
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(e -> byJob.put(e.getKey(), e.getValue()));
    return byJob;
  }

  private double busy(List<String> vertexPaths) {
    double sum = 0;
    for (String path : vertexPaths) {
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(
                        rest.resolve(
                            "/" + path + "/subtasks/metrics?get=busyTimeMsPerSecond&agg=sum"))
                    .timeout(TIMEOUT)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        sum += sumOf(r.body());
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        return -1;
      }
    }
    return sum;
  }

  /**
   * The {@code sum} figures of a {@code subtasks/metrics?agg=sum} answer; a vertex without busy
   * time yet answers {@code NaN} (not even JSON), which adds nothing.
   */
  static double sumOf(String body) {
    double sum = 0;
    java.util.regex.Matcher m = SUM.matcher(body);
    while (m.find()) {
      sum += Double.parseDouble(m.group(1));
    }
    return sum;
  }

  /** {@code Flink busy time per job (ms/s): a 812, b 40, …}. */
  static String line(Map<String, Double> byJob) {
    StringBuilder b =
        new StringBuilder(
            "Flink busy time per job at the end of the step (ms/s summed over its subtasks): ");
    int i = 0;
    for (Map.Entry<String, Double> e : byJob.entrySet()) {
      b.append(i++ == 0 ? "" : ", ")
          .append(e.getKey())
          .append(String.format(" %.0f", e.getValue()));
    }
    return b.toString();
  }
}
