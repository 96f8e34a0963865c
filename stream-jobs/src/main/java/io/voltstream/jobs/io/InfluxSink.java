package io.voltstream.jobs.io;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.AsyncSinkBase;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Flink Sink V2 that batches line protocol to InfluxDB's v1 {@code POST /write?db=..&precision=ms}
 * endpoint, which InfluxDB 1.x, 2.x (compatibility API) and 3.x all serve.
 *
 * <p>Built on {@link AsyncSinkBase}: elements are buffered per subtask, flushed as batches by size
 * or age, and buffered entries are part of the checkpoint (at-least-once). An unavailable or
 * overloaded server (connection error, 5xx, 429) is retried with exponential backoff while the
 * request stays in flight, so a long outage backpressures the job instead of dropping points. Bad
 * data (other 4xx) is logged and counted, never retried forever; missing credentials or database
 * fail the job with a message saying what to set (see {@link InfluxWriteOutcome}). Points are
 * deterministic (see {@link InfluxPoints}), so the duplicates of at-least-once delivery overwrite
 * themselves.
 *
 * <p>Metrics per subtask: {@code influxPointsWritten}, {@code influxPointsRejected}, {@code
 * influxRetries}, and the histogram {@code influxWriteLatencyMs} (request sent → answer or error,
 * one sample per batch POST).
 */
public class InfluxSink<T> extends AsyncSinkBase<T, String> {
  private final InfluxWriteSettings settings;

  InfluxSink(
      InfluxLineConverter<T> converter,
      InfluxSinkBuilder.Limits limits,
      InfluxWriteSettings settings) {
    super(
        new LineElementConverter<>(converter, limits.maxRecordSizeInBytes()),
        limits.maxBatchSize(),
        limits.maxInFlightRequests(),
        limits.maxBufferedRequests(),
        limits.maxBatchSizeInBytes(),
        limits.maxTimeInBufferMs(),
        limits.maxRecordSizeInBytes(),
        // The writer retries by itself; this is only the last-resort timeout of one in-flight
        // request.
        settings.requestTimeout().plus(settings.maxBackoff()).toMillis() * 4,
        false);
    this.settings = settings;
  }

  public static <T> InfluxSinkBuilder<T> builder() {
    return new InfluxSinkBuilder<>();
  }

  /** A sink for the URL, database and credentials of {@code cfg}, with default batching. */
  public static <T> InfluxSink<T> fromConfig(JobsConfig cfg, InfluxLineConverter<T> converter) {
    InfluxSinkBuilder<T> b =
        InfluxSink.<T>builder()
            .url(cfg.influxUrl())
            .database(cfg.influxDb())
            .createDatabase(cfg.influxCreateDb())
            .converter(converter);
    if (cfg.influxToken() != null) {
      b.token(cfg.influxToken());
    }
    if (cfg.influxUser() != null) {
      b.credentials(cfg.influxUser(), cfg.influxPassword());
    }
    return b.build();
  }

  InfluxWriteSettings settings() {
    return settings;
  }

  @Override
  public StatefulSinkWriter<T, BufferedRequestState<String>> createWriter(WriterInitContext context)
      throws IOException {
    return restoreWriter(context, List.of());
  }

  @Override
  public StatefulSinkWriter<T, BufferedRequestState<String>> restoreWriter(
      WriterInitContext context, Collection<BufferedRequestState<String>> recoveredState)
      throws IOException {
    return new InfluxSinkWriter<>(
        getElementConverter(), context, writerConfiguration(), recoveredState, settings);
  }

  @Override
  public SimpleVersionedSerializer<BufferedRequestState<String>> getWriterStateSerializer() {
    return new LineStateSerializer();
  }

  private org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration
      writerConfiguration() {
    return org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration.builder()
        .setMaxBatchSize(getMaxBatchSize())
        .setMaxBatchSizeInBytes(getMaxBatchSizeInBytes())
        .setMaxInFlightRequests(getMaxInFlightRequests())
        .setMaxBufferedRequests(getMaxBufferedRequests())
        .setMaxTimeInBufferMS(getMaxTimeInBufferMS())
        .setMaxRecordSizeInBytes(getMaxRecordSizeInBytes())
        .setRequestTimeoutMS(getRequestTimeoutMS())
        .setFailOnTimeout(getFailOnTimeout())
        .build();
  }
}
