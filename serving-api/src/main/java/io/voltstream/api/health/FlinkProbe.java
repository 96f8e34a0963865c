package io.voltstream.api.health;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.api.health.Observations.Job;
import io.voltstream.model.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Flink jobs through the cluster's REST API: {@code /jobs/overview} for each job's newest run,
 * then for a running one {@code /jobs/{id}/checkpoints} (the last completed checkpoint's
 * acknowledgement time) and {@code /jobs/{id}/vertices/{v}/watermarks} (each subtask's current
 * input watermark; the job's watermark is the smallest set one, so a stalled operator shows).
 */
public final class FlinkProbe {
  /** What Flink reports for an input that has seen no watermark yet. */
  private static final long NO_WATERMARK = Long.MIN_VALUE;

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FlinkProbe.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  /** A REST answer other than 200; its message is safe to show. */
  private static final class RestAnswerException extends IOException {
    RestAnswerException(String message) {
      super(message);
    }
  }

  private final URI rest;
  private final HttpClient http;

  public FlinkProbe(URI rest) {
    this.rest = URI.create(rest.toString().replaceAll("/+$", "") + "/");
    // HTTP/1.1: no h2c upgrade round trip to Flink's REST server on every probe.
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
  }

  public Observations.Flink probe() {
    try {
      Map<String, JsonNode> newest = new HashMap<>();
      for (JsonNode j : get("jobs/overview").path("jobs")) {
        String name = j.path("name").asText();
        JsonNode seen = newest.get(name);
        if (seen == null || j.path("start-time").asLong() > seen.path("start-time").asLong()) {
          newest.put(name, j);
        }
      }
      List<Job> jobs = new ArrayList<>();
      for (JsonNode j : newest.values()) {
        jobs.add(job(j));
      }
      return new Observations.Flink(Optional.empty(), jobs);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Observations.Flink.unreachable("interrupted");
    } catch (java.net.http.HttpTimeoutException e) {
      LOG.warn("Flink REST {} did not answer within {}", rest, TIMEOUT);
      return Observations.Flink.unreachable("no answer within " + TIMEOUT.toSeconds() + " s");
    } catch (java.net.ConnectException e) {
      return Observations.Flink.unreachable("connection refused");
    } catch (IOException e) {
      LOG.warn("Flink health probe of {} failed: {}", rest, e.toString());
      return Observations.Flink.unreachable(
          e instanceof RestAnswerException ? e.getMessage() : "request failed");
    }
  }

  private Job job(JsonNode overview) throws IOException, InterruptedException {
    String id = overview.path("jid").asText();
    String state = overview.path("state").asText();
    Instant started = Instant.ofEpochMilli(overview.path("start-time").asLong());
    if (!"RUNNING".equals(state)) {
      return new Job(
          overview.path("name").asText(), state, started, Optional.empty(), Optional.empty());
    }
    JsonNode completed = get("jobs/" + id + "/checkpoints").path("latest").path("completed");
    Optional<Instant> checkpoint =
        completed.hasNonNull("latest_ack_timestamp")
            ? Optional.of(Instant.ofEpochMilli(completed.get("latest_ack_timestamp").asLong()))
            : Optional.empty();
    long smallest = Long.MAX_VALUE;
    for (JsonNode vertex : get("jobs/" + id).path("vertices")) {
      for (JsonNode w :
          get("jobs/" + id + "/vertices/" + vertex.path("id").asText() + "/watermarks")) {
        // Source vertices and inputs without event time report none (or Long.MIN_VALUE).
        long value = w.path("value").asLong(NO_WATERMARK);
        if (w.path("id").asText().endsWith("currentInputWatermark") && value != NO_WATERMARK) {
          smallest = Math.min(smallest, value);
        }
      }
    }
    Optional<Instant> watermark =
        smallest == Long.MAX_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(smallest));
    return new Job(overview.path("name").asText(), state, started, checkpoint, watermark);
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(rest.resolve(path)).timeout(TIMEOUT).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new RestAnswerException("GET /" + path + " answered " + r.statusCode());
    }
    return Json.MAPPER.readTree(r.body());
  }
}
