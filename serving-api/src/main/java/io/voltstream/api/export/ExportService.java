package io.voltstream.api.export;

import io.voltstream.api.influx.InfluxReader;
import io.voltstream.api.query.QueryConfig;
import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.Schema;
import io.voltstream.influx.Series;
import io.voltstream.influx.Tag;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams raw readings of a range to an output stream as CSV or JSON. The range is cut into time
 * slices and each slice is paged through with {@code LIMIT/OFFSET}, so memory holds one page
 * (default 5,000 rows) whatever the range; every page is flushed to the client as it is written.
 * Slicing keeps OFFSET small, which InfluxDB otherwise answers by skipping rows one by one.
 */
public final class ExportService {

  private static final Logger LOG = LoggerFactory.getLogger(ExportService.class);

  private final InfluxReader influx;
  private final QueryConfig config;

  public ExportService(InfluxReader influx, QueryConfig config) {
    this.influx = influx;
    this.config = config;
  }

  /** Writes every matching row to {@code out}; returns the number of rows. */
  public long export(ExportRequest request, OutputStream out) throws IOException {
    long rows = 0;
    int pageSize = config.exportPageSize();
    try (RowWriter writer = RowWriter.open(request.format(), out)) {
      Instant sliceStart = request.range().start();
      while (sliceStart.isBefore(request.range().end())) {
        Instant sliceEnd = min(sliceStart.plus(config.exportSlice()), request.range().end());
        long offset = 0;
        while (true) {
          int got = page(request, sliceStart, sliceEnd, pageSize, offset, writer);
          rows += got;
          writer.flush();
          if (got < pageSize) {
            break;
          }
          offset += got;
        }
        sliceStart = sliceEnd;
      }
    }
    LOG.debug("exported {} rows of {}", rows, request.range());
    return rows;
  }

  private int page(
      ExportRequest request, Instant from, Instant to, int limit, long offset, RowWriter writer)
      throws IOException {
    InfluxQuery q = InfluxQuery.of("SELECT ");
    List<String> cols = RowWriter.COLUMNS;
    for (int i = 1; i < cols.size(); i++) {
      q.text(i == 1 ? "" : ", ").identifier("column", cols.get(i));
    }
    q.text(" FROM ")
        .from(Schema.READINGS)
        .text(" WHERE time >= ")
        .time(from)
        .text(" AND time < ")
        .time(to);
    filter(q, Schema.READINGS.room, "room", request.rooms());
    filter(q, Schema.READINGS.sensorId, "sensor", request.sensors());
    q.text(" ORDER BY time ASC LIMIT ").number(limit).text(" OFFSET ").number(offset);

    int n = 0;
    for (Series s : influx.query(q)) {
      int[] idx = new int[cols.size()];
      for (int i = 0; i < cols.size(); i++) {
        idx[i] = s.column(cols.get(i));
      }
      for (List<Object> row : s.values()) {
        Object[] values = new Object[cols.size() - 1];
        for (int i = 1; i < cols.size(); i++) {
          values[i - 1] =
              i <= RowWriter.TAG_COLUMNS ? Series.string(row, idx[i]) : Series.number(row, idx[i]);
        }
        writer.row(Instant.ofEpochMilli(Series.number(row, idx[0]).longValue()), values);
        n++;
      }
    }
    return n;
  }

  private static void filter(InfluxQuery q, Tag tag, String field, List<String> values) {
    if (values.isEmpty()) {
      return;
    }
    q.text(" AND (");
    for (int i = 0; i < values.size(); i++) {
      q.text(i == 0 ? "" : " OR ").eq(tag, field, values.get(i));
    }
    q.text(")");
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
