package io.voltstream.launcher.deploy;

import io.voltstream.influx.InfluxClient;
import io.voltstream.influx.InfluxException;
import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.Series;
import io.voltstream.infra.Waits;
import io.voltstream.launcher.deploy.GrafanaDashboards.Dashboard;
import io.voltstream.launcher.deploy.GrafanaDashboards.Target;
import io.voltstream.launcher.deploy.GrafanaDashboards.Variable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every panel target of every provisioned dashboard against influxd as Grafana would: each
 * dashboard's query variables are resolved in order by their own {@code SHOW TAG VALUES} queries
 * (with "All" selected, their default), then each target runs with macros and variables substituted
 * ({@link GrafanaMacros}). A target that errs, or whose answer has no value besides {@code time},
 * is a problem naming dashboard, panel and refId.
 */
public final class GrafanaPanelRun {
  private static final Logger LOG = LoggerFactory.getLogger(GrafanaPanelRun.class);

  /** How many targets answered, of how many dashboards, and what failed. */
  public record Result(int answered, int dashboards, List<String> problems) {}

  private GrafanaPanelRun() {}

  /** Repeats {@link #once} until nothing fails or {@code timeout} passes; the last result. */
  public static Result untilAllAnswer(InfluxClient influx, Duration timeout, Duration poll) {
    List<Dashboard> dashboards = GrafanaDashboards.all();
    Result[] last = {null};
    Waits.until(
        () -> {
          Result r = once(influx, dashboards);
          if (last[0] == null || r.problems().size() != last[0].problems().size()) {
            LOG.info("{} panel targets still failing: {}", r.problems().size(), r.problems());
          }
          last[0] = r;
          return r.problems().isEmpty();
        },
        timeout,
        poll);
    return Objects.requireNonNull(last[0]);
  }

  static Result once(InfluxClient influx, List<Dashboard> dashboards) {
    List<String> problems = new ArrayList<>();
    int answered = 0;
    for (Dashboard d : dashboards) {
      Map<String, String> values = new HashMap<>();
      boolean resolved = true;
      for (Variable v : d.variables()) {
        try {
          List<String> options = tagValues(influx, substitute(d, v.query(), values));
          if (options.isEmpty()) {
            problems.add(d.uid() + " / variable $" + v.name() + ": no values");
            resolved = false;
            break;
          }
          values.put(v.name(), GrafanaMacros.format(v, options, v.includeAll()));
        } catch (InfluxException | IllegalArgumentException e) {
          problems.add(d.uid() + " / variable $" + v.name() + ": " + e.getMessage());
          resolved = false;
          break;
        }
      }
      if (!resolved) {
        continue;
      }
      for (Target t : d.targets()) {
        String where = d.uid() + " / " + t.panel() + " / " + t.refId();
        try {
          String query = substitute(d, t.query(), values);
          if (hasValues(influx.query(InfluxQuery.of(query)))) {
            answered++;
          } else {
            problems.add(where + ": empty: " + query);
          }
        } catch (InfluxException | IllegalArgumentException e) {
          problems.add(where + ": " + e.getMessage());
        }
      }
    }
    return new Result(answered, dashboards.size(), List.copyOf(problems));
  }

  private static String substitute(Dashboard d, String query, Map<String, String> values) {
    return GrafanaMacros.substitute(query, d.from(), d.to(), values);
  }

  /** The {@code value} column of a {@code SHOW TAG VALUES} answer. */
  private static List<String> tagValues(InfluxClient influx, String query) {
    List<String> values = new ArrayList<>();
    for (Series s : influx.query(InfluxQuery.of(query))) {
      int column = s.column("value");
      s.values().forEach(row -> values.add(Series.string(row, column)));
    }
    return values;
  }

  /** At least one row with a non-null value in a column other than {@code time}. */
  private static boolean hasValues(List<Series> answer) {
    for (Series s : answer) {
      for (List<Object> row : s.values()) {
        for (int i = 0; i < row.size(); i++) {
          if (!Series.TIME.equals(s.columns().get(i)) && row.get(i) != null) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
