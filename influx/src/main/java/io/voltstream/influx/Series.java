package io.voltstream.influx;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One series of an InfluxQL answer, the one result model of {@link InfluxClient}: measurement name,
 * tags (for {@code GROUP BY} tag queries), column names and rows. The client asks for {@code
 * epoch=ms}, so the {@code time} column holds epoch milliseconds.
 */
public record Series(
    String name, Map<String, String> tags, List<String> columns, List<List<Object>> values) {

  /** The name of the time column. */
  public static final String TIME = "time";

  public Series {
    tags = tags == null ? Map.of() : tags;
    columns = columns == null ? List.of() : columns;
    values = values == null ? List.of() : values;
  }

  /** The index of a column by name (an alias or a key), or -1. */
  public int column(String columnName) {
    return columns.indexOf(columnName);
  }

  /** The index of a schema column, or -1. */
  public int column(Column column) {
    return columns.indexOf(column.name());
  }

  /** The value of {@code tag} for this series (a {@code GROUP BY} tag), or null. */
  public String tag(Tag tag) {
    return tags.get(tag.name());
  }

  /** The numeric value at row/column, or null when absent or not a number. */
  public static Double number(List<Object> row, int column) {
    if (column < 0 || column >= row.size()) {
      return null;
    }
    return row.get(column) instanceof Number n ? n.doubleValue() : null;
  }

  /** The value at row/column as text, or null when absent. */
  public static String string(List<Object> row, int column) {
    if (column < 0 || column >= row.size() || row.get(column) == null) {
      return null;
    }
    return row.get(column).toString();
  }

  /** The {@code time} column of a row as an instant, or null when absent. */
  public Instant time(List<Object> row) {
    Double ms = number(row, column(TIME));
    return ms == null ? null : Instant.ofEpochMilli(ms.longValue());
  }
}
