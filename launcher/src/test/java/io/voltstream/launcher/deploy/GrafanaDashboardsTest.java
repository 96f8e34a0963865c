package io.voltstream.launcher.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voltstream.influx.Measurement;
import io.voltstream.influx.Schema;
import io.voltstream.launcher.deploy.GrafanaDashboards.Dashboard;
import io.voltstream.launcher.deploy.GrafanaDashboards.Target;
import io.voltstream.launcher.deploy.GrafanaDashboards.Variable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The provisioned Grafana dashboards without a server: every file parses, uids are unique, every
 * capability has its dashboard, and every query reads only measurements, tags and fields that
 * {@link Schema} declares (so a renamed field breaks this test, not a panel in production). The
 * queries themselves run against real data in {@link GrafanaDashboardsITCase}.
 */
class GrafanaDashboardsTest {
  private static final Pattern FROM = Pattern.compile("FROM \"(\\w+)\"");
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
  private static final Pattern ALIAS = Pattern.compile("AS \"([^\"]+)\"");
  private static final Pattern USED_VARIABLE = Pattern.compile("\\$(\\w+)");
  private static final Set<String> MACROS =
      Set.of("timeFilter", "__interval", "__interval_ms", "interval");

  private final List<Dashboard> dashboards = GrafanaDashboards.all();

  @Test
  void shouldProvisionADashboardForEveryCapabilityWithUniqueUids() {
    assertThat(dashboards)
        .extracting(Dashboard::uid)
        .doesNotHaveDuplicates()
        .allSatisfy(uid -> assertThat(uid).matches("[a-z0-9-]{1,40}"))
        .containsExactlyInAnyOrder(
            "voltstream-rooms",
            "voltstream-events",
            "voltstream-forecasts",
            "voltstream-batteries",
            "voltstream-flexibility",
            "voltstream-market",
            "voltstream-finance",
            "voltstream-pipeline");
    assertThat(dashboards).extracting(Dashboard::title).doesNotHaveDuplicates();
    assertThat(dashboards)
        .allSatisfy(d -> assertThat(d.targets()).as("%s targets", d).isNotEmpty());
  }

  @Test
  void shouldQueryOnlyWhatTheSchemaDeclares() {
    List<String> problems = new ArrayList<>();
    for (Dashboard d : dashboards) {
      for (Variable v : d.variables()) {
        problems.addAll(checkQuery(d + " variable $" + v.name(), v.query()));
      }
      for (Target t : d.targets()) {
        problems.addAll(checkQuery(d + " panel '" + t.panel() + "' " + t.refId(), t.query()));
      }
    }
    assertThat(problems).as("identifiers not in Schema").isEmpty();
  }

  @Test
  void shouldDefineEveryVariableItUsesAndUseTheTimeFilterInEveryPanel() {
    for (Dashboard d : dashboards) {
      Set<String> defined =
          d.variables().stream().map(Variable::name).collect(Collectors.toCollection(HashSet::new));
      defined.addAll(MACROS);
      List<String> queries = new ArrayList<>();
      d.variables().forEach(v -> queries.add(v.query()));
      d.targets().forEach(t -> queries.add(t.query()));
      for (String q : queries) {
        Matcher m = USED_VARIABLE.matcher(q);
        while (m.find()) {
          assertThat(defined).as("%s: $%s in %s", d, m.group(1), q).contains(m.group(1));
        }
      }
      assertThat(d.targets())
          .as("%s: every panel target is limited to the dashboard's range", d)
          .allSatisfy(t -> assertThat(t.query()).contains("$timeFilter"));
      for (Variable v : d.variables()) {
        assertThat(v.query()).as("%s $%s", d, v.name()).startsWith("SHOW TAG VALUES FROM ");
      }
    }
  }

  @Test
  void shouldSubstituteMacrosAndVariablesAsGrafanaDoes() {
    Variable building = new Variable("building", "", true, true, null);
    String all = GrafanaMacros.format(building, List.of("demo-house", "a.b"), true);
    assertThat(all).isEqualTo("(demo-house|a\\.b)");
    assertThat(GrafanaMacros.format(new Variable("k", "", true, true, ".*"), List.of("x"), true))
        .isEqualTo(".*");
    assertThat(GrafanaMacros.format(new Variable("k", "", false, false, null), List.of("x"), false))
        .isEqualTo("x");

    String q =
        "SELECT mean(\"power_avg_w\") FROM \"room_metrics\" WHERE \"building\" =~ /^$building$/"
            + " AND \"room\" =~ /^[[room]]$/ AND $timeFilter GROUP BY time($__interval) LIMIT"
            + " $__interval_ms";
    assertThat(
            GrafanaMacros.substitute(
                q, "now-6h", "now+1h", Map.of("building", all, "room", "kitchen")))
        .isEqualTo(
            "SELECT mean(\"power_avg_w\") FROM \"room_metrics\" WHERE \"building\" =~"
                + " /^(demo-house|a\\.b)$/ AND \"room\" =~ /^kitchen$/ AND time >= now() - 6h and"
                + " time <= now() + 1h GROUP BY time(1m) LIMIT 60000");
    assertThatThrownBy(
            () -> GrafanaMacros.substitute("WHERE x = '$nope'", "now-1h", "now", Map.of()))
        .hasMessageContaining("$nope");
    assertThat(GrafanaMacros.relative("now-24h")).isEqualTo("now() - 24h");
  }

  /**
   * Every double-quoted identifier of {@code query}: the measurement after FROM, a tag or field of
   * it, or an alias the query itself introduces with AS.
   */
  private static List<String> checkQuery(String where, String query) {
    List<String> problems = new ArrayList<>();
    Matcher from = FROM.matcher(query);
    if (!from.find()) {
      return List.of(where + ": no FROM \"measurement\" in " + query);
    }
    String name = from.group(1);
    Optional<Measurement> measurement =
        Schema.ALL.stream().filter(m -> m.name().equals(name)).findFirst();
    if (measurement.isEmpty()) {
      return List.of(where + ": measurement " + name + " is not in Schema");
    }
    Set<String> allowed = new HashSet<>();
    allowed.add(name);
    measurement.get().tags().forEach(t -> allowed.add(t.name()));
    measurement.get().fields().forEach(f -> allowed.add(f.name()));
    Matcher alias = ALIAS.matcher(query);
    while (alias.find()) {
      allowed.add(alias.group(1));
    }
    Matcher quoted = QUOTED.matcher(query);
    while (quoted.find()) {
      if (!allowed.contains(quoted.group(1))) {
        problems.add(where + ": \"" + quoted.group(1) + "\" is not a column of " + name);
      }
    }
    if (query.indexOf("FROM \"", from.end()) >= 0) {
      problems.add(where + ": one measurement per query, please (the check reads one)");
    }
    return problems;
  }
}
