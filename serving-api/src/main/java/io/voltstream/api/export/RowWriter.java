package io.voltstream.api.export;

import com.fasterxml.jackson.core.JsonGenerator;
import io.voltstream.influx.Column;
import io.voltstream.influx.Schema;
import io.voltstream.influx.Series;
import io.voltstream.model.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** Writes export rows incrementally as CSV (RFC 4180, header first) or as one JSON array. */
abstract sealed class RowWriter implements AutoCloseable
    permits RowWriter.Csv, RowWriter.JsonArray {

  /**
   * Column names, in order; the first is {@code time}, the next {@link #TAG_COLUMNS} are strings.
   */
  static final List<String> COLUMNS =
      Stream.concat(
              Stream.of(Series.TIME),
              Stream.concat(Schema.READINGS.tags().stream(), Schema.READINGS.fields().stream())
                  .map(Column::name))
          .toList();

  static final int TAG_COLUMNS = Schema.READINGS.tags().size();

  static RowWriter open(ExportFormat format, OutputStream out) throws IOException {
    return format == ExportFormat.CSV ? new Csv(out) : new JsonArray(out);
  }

  /** One row: values in {@link #COLUMNS} order after {@code time}; nulls are empty/omitted. */
  abstract void row(Instant time, Object[] values) throws IOException;

  abstract void flush() throws IOException;

  @Override
  public abstract void close() throws IOException;

  static final class Csv extends RowWriter {
    private final Writer w;

    Csv(OutputStream out) throws IOException {
      this.w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      w.write(String.join(",", COLUMNS));
      w.write("\r\n");
    }

    @Override
    void row(Instant time, Object[] values) throws IOException {
      w.write(time.toString());
      for (Object v : values) {
        w.write(',');
        if (v != null) {
          w.write(v instanceof String s ? quote(s) : v.toString());
        }
      }
      w.write("\r\n");
    }

    static String quote(String s) {
      boolean needs =
          s.indexOf(',') >= 0
              || s.indexOf('"') >= 0
              || s.indexOf('\n') >= 0
              || s.indexOf('\r') >= 0;
      return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    @Override
    void flush() throws IOException {
      w.flush();
    }

    @Override
    public void close() throws IOException {
      w.flush();
    }
  }

  static final class JsonArray extends RowWriter {
    private final JsonGenerator g;

    JsonArray(OutputStream out) throws IOException {
      this.g = Json.MAPPER.getFactory().createGenerator(out);
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartArray();
    }

    @Override
    void row(Instant time, Object[] values) throws IOException {
      g.writeStartObject();
      g.writeStringField(Series.TIME, time.toString());
      for (int i = 0; i < values.length; i++) {
        Object v = values[i];
        if (v instanceof String s) {
          g.writeStringField(COLUMNS.get(i + 1), s);
        } else if (v instanceof Number n) {
          g.writeNumberField(COLUMNS.get(i + 1), n.doubleValue());
        }
      }
      g.writeEndObject();
    }

    @Override
    void flush() throws IOException {
      g.flush();
    }

    @Override
    public void close() throws IOException {
      g.writeEndArray();
      g.flush();
    }
  }
}
