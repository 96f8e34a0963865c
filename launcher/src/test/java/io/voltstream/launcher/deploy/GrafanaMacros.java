package io.voltstream.launcher.deploy;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Grafana's InfluxQL substitutions, as its InfluxDB data source applies them before a query leaves
 * the browser: {@code $timeFilter} from the dashboard's relative range, {@code $__interval}, {@code
 * $__interval_ms}, {@code $interval}, and template variables ({@code $name}, {@code ${name}},
 * {@code [[name]]}). A multi-value variable becomes a regex alternation of its escaped values
 * ({@code (a|b)}), "All" the variable's {@code allValue} when it has one.
 */
final class GrafanaMacros {
  private static final Pattern RELATIVE = Pattern.compile("now(?:([+-])(\\d+)([smhdwMy]))?");
  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\{(\\w+)(?::\\w+)?}|\\[\\[(\\w+)]]|\\$(\\w+)");
  private static final Pattern REGEX_SPECIAL = Pattern.compile("[\\\\^$.|?*+()\\[\\]{}/]");

  /** What the panel's interval resolves to (Grafana derives it from range and width). */
  static final String INTERVAL = "1m";

  private GrafanaMacros() {}

  /** {@code time >= now() - 6h and time <= now()} for {@code now-6h .. now}. */
  static String timeFilter(String from, String to) {
    return "time >= " + relative(from) + " and time <= " + relative(to);
  }

  /** A Grafana relative time ({@code now}, {@code now-6h}, {@code now+1h}) as InfluxQL. */
  static String relative(String grafana) {
    Matcher m = RELATIVE.matcher(grafana.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a relative Grafana time: " + grafana);
    }
    if (m.group(1) == null) {
      return "now()";
    }
    String unit =
        switch (m.group(3)) {
          case "M" -> throw new IllegalArgumentException("months have no InfluxQL duration");
          case "y" -> throw new IllegalArgumentException("years have no InfluxQL duration");
          default -> m.group(3);
        };
    return "now() " + m.group(1) + " " + m.group(2) + unit;
  }

  /** A variable's value as Grafana formats it for InfluxQL from the selected values. */
  static String format(GrafanaDashboards.Variable variable, List<String> selected, boolean all) {
    if (all && variable.allValue() != null) {
      return variable.allValue();
    }
    if (selected.size() == 1 && !variable.multi() && !all) {
      return selected.get(0);
    }
    return selected.stream()
        .map(v -> REGEX_SPECIAL.matcher(v).replaceAll("\\\\$0"))
        .collect(Collectors.joining("|", "(", ")"));
  }

  /**
   * {@code query} with every macro and every variable of {@code values} replaced; throws naming the
   * first {@code $name} that is neither.
   */
  static String substitute(String query, String from, String to, Map<String, String> values) {
    String q =
        query
            .replace("$timeFilter", timeFilter(from, to))
            .replace("$__interval_ms", "60000")
            .replace("$__interval", INTERVAL)
            .replace("$interval", INTERVAL);
    Matcher m = VARIABLE.matcher(q);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
      String value = values.get(name);
      if (value == null) {
        throw new IllegalArgumentException("unknown variable $" + name + " in: " + query);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
