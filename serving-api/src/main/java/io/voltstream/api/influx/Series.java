package io.voltstream.api.influx;

import java.util.List;
import java.util.Map;

/**
 * One series of an InfluxQL answer: measurement name, tags (for GROUP BY tag queries), column names
 * and rows. With {@code epoch=ms}, the {@code time} column holds epoch milliseconds.
 */
public record Series(String name, Map<String, String> tags, List<String> columns, List<List<Object>> values) {

  public Series {
    tags = tags == null ? Map.of() : tags;
    columns = columns == null ? List.of() : columns;
    values = values == null ? List.of() : values;
  }

  public int column(String columnName) {
    return columns.indexOf(columnName);
  }

  /** The numeric value at row/column, or null when absent or not a number. */
  public static Double number(List<Object> row, int column) {
    if (column < 0 || column >= row.size()) {
      return null;
    }
    return row.get(column) instanceof Number n ? n.doubleValue() : null;
  }

  public static String string(List<Object> row, int column) {
    if (column < 0 || column >= row.size() || row.get(column) == null) {
      return null;
    }
    return row.get(column).toString();
  }
}
