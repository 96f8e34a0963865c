package io.voltstream.jobs.io;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the user's {@link InfluxLineConverter}, turning a failure or an oversize line into the
 * empty string: the writer counts those as rejected, so one bad element never fails the job.
 */
final class LineElementConverter<T> implements ElementConverter<T, String> {
  private static final Logger LOG = LoggerFactory.getLogger(LineElementConverter.class);
  private final InfluxLineConverter<T> converter;
  private final long maxRecordSizeInBytes;
  private final AtomicLong failures = new AtomicLong();

  LineElementConverter(InfluxLineConverter<T> converter, long maxRecordSizeInBytes) {
    this.converter = converter;
    this.maxRecordSizeInBytes = maxRecordSizeInBytes;
  }

  @Override
  public String apply(T element, SinkWriter.Context context) {
    String line;
    try {
      line = converter.toLine(element);
    } catch (RuntimeException e) {
      long n = failures.incrementAndGet();
      if (Long.bitCount(n) == 1) {
        LOG.warn(
            "Cannot convert {} to line protocol (failure #{} of this subtask); counted as rejected",
            element,
            n,
            e);
      }
      return "";
    }
    if (line == null) {
      return "";
    }
    if (line.length() > maxRecordSizeInBytes / 4
        && line.getBytes(StandardCharsets.UTF_8).length > maxRecordSizeInBytes) {
      LOG.warn(
          "Line of {} chars exceeds maxRecordSizeInBytes={}; counted as rejected",
          line.length(),
          maxRecordSizeInBytes);
      return "";
    }
    return line;
  }
}
