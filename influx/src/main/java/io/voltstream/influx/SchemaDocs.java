package io.voltstream.influx;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders the {@link Schema} as the Markdown tables of the READMEs: a one-line-per-measurement
 * summary (top-level README) and a table per measurement with every tag and field (influx README).
 * {@code SchemaDocsTest} fails when a README's generated section differs, so the docs cannot drift
 * from the code.
 */
public final class SchemaDocs {
  /** Marks the generated summary table in the top-level README. */
  public static final String SUMMARY = "influx-schema-summary";

  /** Marks the generated per-measurement tables in influx/README.md. */
  public static final String TABLES = "influx-schema-tables";

  private SchemaDocs() {}

  /** One row per measurement: name, time, writer, tag keys, field keys. */
  public static String summaryTable(List<Measurement> measurements) {
    StringBuilder out =
        new StringBuilder()
            .append("| Measurement | Time | Written by | Tags | Fields (units in the names) |\n")
            .append("|---|---|---|---|---|\n");
    for (Measurement m : measurements) {
      out.append("| `")
          .append(m.name())
          .append("` | ")
          .append(m.time())
          .append(" | ")
          .append(m.writtenBy())
          .append(" | ")
          .append(names(m.tags()))
          .append(" | ")
          .append(names(m.fields()))
          .append(" |\n");
    }
    return out.toString();
  }

  /** A heading and a table (time, tags, fields with type, unit and meaning) per measurement. */
  public static String fieldTables(List<Measurement> measurements) {
    StringBuilder out = new StringBuilder();
    for (Measurement m : measurements) {
      out.append("### `")
          .append(m.name())
          .append("` (")
          .append(m.writtenBy())
          .append(")\n\n")
          .append("| | Name | Type, unit | Meaning |\n")
          .append("|---|---|---|---|\n")
          .append("| time | | ms | ")
          .append(m.time())
          .append(" |\n");
      for (Tag t : m.tags()) {
        out.append("| tag | `")
            .append(t.name())
            .append("` | string | ")
            .append(t.description())
            .append(" |\n");
      }
      for (Field f : m.fields()) {
        out.append("| field | `")
            .append(f.name())
            .append("` | ")
            .append(f.type().wireName())
            .append(f.unit().isEmpty() ? "" : ", " + f.unit())
            .append(" | ")
            .append(f.description())
            .append(" |\n");
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** The text between {@code <!-- marker:start -->} and {@code <!-- marker:end -->}, or null. */
  public static String section(String markdown, String marker) {
    String start = "<!-- " + marker + ":start -->\n";
    String end = "<!-- " + marker + ":end -->";
    int from = markdown.indexOf(start);
    int to = markdown.indexOf(end);
    return from < 0 || to < from ? null : markdown.substring(from + start.length(), to);
  }

  private static String names(List<? extends Column> columns) {
    return columns.stream().map(c -> "`" + c.name() + "`").collect(Collectors.joining(", "));
  }
}
