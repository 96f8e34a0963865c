package io.voltstream.jobs.io;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriter;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.ResultHandler;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subtask's writer of {@link InfluxSink}: POSTs each batch with {@link HttpClient#sendAsync}
 * and acts on the {@link InfluxWriteOutcome}. A retry is handed back to {@code AsyncSinkWriter}
 * only after the backoff delay; until then the request counts as in flight, which is what throttles
 * (backpressures) the job during an outage.
 */
final class InfluxSinkWriter<T> extends AsyncSinkWriter<T, String> {
  private static final Logger LOG = LoggerFactory.getLogger(InfluxSinkWriter.class);
  private static final int MAX_CREATE_DATABASE_ATTEMPTS = 3;
  // the histogram keeps the latest N write latencies for its quantiles
  private static final int LATENCY_SAMPLES = 1024;

  private final InfluxWriteSettings settings;
  private final ExecutorService httpExecutor;
  private final HttpClient http;
  private final Counter pointsWritten;
  private final Counter pointsRejected;
  private final Counter retries;
  private final Histogram writeLatencyMs;
  private final AtomicInteger consecutiveFailures = new AtomicInteger();
  private final AtomicInteger notFoundAnswers = new AtomicInteger();

  InfluxSinkWriter(
      ElementConverter<T, String> converter,
      WriterInitContext context,
      AsyncSinkWriterConfiguration configuration,
      Collection<BufferedRequestState<String>> recoveredState,
      InfluxWriteSettings settings) {
    super(converter, context, configuration, recoveredState);
    this.settings = settings;
    int subtask = context.getTaskInfo().getIndexOfThisSubtask();
    AtomicInteger threads = new AtomicInteger();
    this.httpExecutor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t =
                  new Thread(r, "influx-sink-http-" + subtask + "-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.http =
        HttpClient.newBuilder()
            .executor(httpExecutor)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    this.pointsWritten = context.metricGroup().counter("influxPointsWritten");
    this.pointsRejected = context.metricGroup().counter("influxPointsRejected");
    this.retries = context.metricGroup().counter("influxRetries");
    this.writeLatencyMs =
        context
            .metricGroup()
            .histogram("influxWriteLatencyMs", new DescriptiveStatisticsHistogram(LATENCY_SAMPLES));
    if (settings.createDatabase()) {
      createDatabase().join();
    }
  }

  @Override
  protected void submitRequestEntries(List<String> entries, ResultHandler<String> handler) {
    List<String> lines = new ArrayList<>(entries.size());
    for (String e : entries) {
      if (e.isEmpty()) {
        pointsRejected.inc();
      } else {
        lines.add(e);
      }
    }
    if (lines.isEmpty()) {
      handler.complete();
      return;
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(settings.writeUri())
            .timeout(settings.requestTimeout())
            .header("Content-Type", "text/plain; charset=utf-8")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    String.join("\n", lines), StandardCharsets.UTF_8));
    String auth = settings.authorization();
    if (auth != null) {
      request.header("Authorization", auth);
    }
    long sentNanos = System.nanoTime();
    http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
        .whenComplete(
            (response, error) -> {
              writeLatencyMs.update((System.nanoTime() - sentNanos) / 1_000_000);
              InfluxWriteOutcome outcome =
                  error != null
                      ? InfluxWriteOutcome.noAnswer(rootMessage(error))
                      : InfluxWriteOutcome.classify(
                          response.statusCode(), response.body(), lines.size());
              handle(outcome, lines, handler);
            });
  }

  private void handle(
      InfluxWriteOutcome outcome, List<String> lines, ResultHandler<String> handler) {
    switch (outcome.kind()) {
      case WRITTEN -> {
        recovered();
        pointsWritten.inc(lines.size());
        handler.complete();
      }
      case REJECTED -> {
        recovered();
        pointsRejected.inc(outcome.rejectedPoints());
        pointsWritten.inc(lines.size() - outcome.rejectedPoints());
        LOG.warn(
            "InfluxDB rejected {} of {} points as bad data (not retried): {}",
            outcome.rejectedPoints(),
            lines.size(),
            outcome.detail());
        handler.complete();
      }
      case RETRY ->
          retryLater(lines, handler, outcome.detail(), CompletableFuture.completedFuture(null));
      case FATAL -> {
        if (isNotFound(outcome)
            && settings.createDatabase()
            && notFoundAnswers.incrementAndGet() <= MAX_CREATE_DATABASE_ATTEMPTS) {
          retryLater(lines, handler, outcome.detail(), createDatabase());
        } else {
          LOG.error("InfluxDB write failed permanently: {}", outcome.detail());
          handler.completeExceptionally(new InfluxSinkException(outcome.detail()));
        }
      }
    }
  }

  private void retryLater(
      List<String> lines,
      ResultHandler<String> handler,
      String why,
      CompletableFuture<Void> first) {
    int attempt = consecutiveFailures.incrementAndGet();
    retries.inc();
    Duration delay = settings.backoff(attempt);
    if (Integer.bitCount(attempt) == 1) {
      LOG.warn(
          "InfluxDB write of {} points failed ({}), retry #{} in {} ms",
          lines.size(),
          why,
          attempt,
          delay.toMillis());
    }
    first.whenComplete(
        (ignored, e) ->
            CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> handler.retryForEntries(lines)));
  }

  private void recovered() {
    int failures = consecutiveFailures.getAndSet(0);
    notFoundAnswers.set(0);
    if (failures > 0) {
      LOG.info("InfluxDB writes succeed again after {} retries", failures);
    }
  }

  private static boolean isNotFound(InfluxWriteOutcome outcome) {
    return outcome.status() == 404;
  }

  /**
   * {@code CREATE DATABASE} is idempotent on 1.x; on servers without it (3.x) the failure is only
   * logged.
   */
  private CompletableFuture<Void> createDatabase() {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(settings.createDatabaseUri())
            .timeout(settings.requestTimeout())
            .POST(HttpRequest.BodyPublishers.noBody());
    String auth = settings.authorization();
    if (auth != null) {
      request.header("Authorization", auth);
    }
    return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
        .handle(
            (response, error) -> {
              if (error != null) {
                LOG.warn(
                    "CREATE DATABASE {} at {} failed ({}); writes will retry",
                    settings.database(),
                    settings.url(),
                    rootMessage(error));
              } else if (response.statusCode() / 100 != 2) {
                LOG.warn(
                    "CREATE DATABASE {} answered HTTP {}: {}",
                    settings.database(),
                    response.statusCode(),
                    response.body());
              } else {
                LOG.info(
                    "InfluxDB database {} at {} is ready", settings.database(), settings.url());
              }
              return null;
            });
  }

  private static String rootMessage(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
  }

  @Override
  public void close() {
    super.close();
    httpExecutor.shutdown();
  }

  @Override
  protected long getSizeInBytes(String line) {
    return line.length() + 1L;
  }
}
