package io.voltstream.launcher.config;

import io.voltstream.api.ApiOptions;
import io.voltstream.api.health.HealthOptions;
import io.voltstream.api.mqttauth.MqttAdminOptions;
import io.voltstream.api.query.QueryOptions;
import io.voltstream.config.CommonOptions;
import io.voltstream.config.Option;
import io.voltstream.forecast.streaming.ForecastOptions;
import io.voltstream.ingest.IngestOptions;
import io.voltstream.jobs.alerts.AlertOptions;
import io.voltstream.jobs.commands.CommandStatusOptions;
import io.voltstream.jobs.dispatch.DispatchOptions;
import io.voltstream.jobs.dr.DrOptions;
import io.voltstream.jobs.flexibility.FlexibilityOptions;
import io.voltstream.jobs.io.JobsOptions;
import io.voltstream.jobs.market.MarketOptions;
import io.voltstream.jobs.marketagents.MarketAgentsOptions;
import io.voltstream.jobs.rules.RulesOptions;
import io.voltstream.jobs.settlement.SettlementOptions;
import io.voltstream.launcher.bench.BenchOptions;
import io.voltstream.launcher.stack.StackOptions;
import io.voltstream.metrics.MetricsOptions;
import io.voltstream.sim.SimulatorOptions;
import io.voltstream.sim.load.LoadGeneratorOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every {@code VOLTSTREAM_*} setting of every deployable, by the deployable that reads it: the
 * option classes of the modules, gathered in one place for {@code voltstream config}. A setting
 * read by several deployables is listed once, under the first.
 */
public final class Settings {
  private Settings() {}

  /** Section title → the settings listed under it (each name once overall). */
  public static Map<String, List<Option<?>>> bySection() {
    Map<String, List<Option<?>>> raw = new LinkedHashMap<>();
    raw.put("shared", CommonOptions.all());
    raw.put("ingest", IngestOptions.all());
    raw.put("jobs", JobsOptions.all());
    raw.put("alert job", AlertOptions.all());
    raw.put("dispatch job", DispatchOptions.all());
    raw.put("command-status job", CommandStatusOptions.all());
    raw.put("rules job", RulesOptions.all());
    raw.put("DR job", DrOptions.all());
    raw.put("flexibility job", FlexibilityOptions.all());
    raw.put("market job", MarketOptions.all());
    raw.put("market agents job", MarketAgentsOptions.all());
    raw.put("settlement job", SettlementOptions.all());
    raw.put("api", ApiOptions.all());
    raw.put("api queries, export, live", QueryOptions.all());
    raw.put("api device credentials (MQTT)", MqttAdminOptions.all());
    raw.put("api health", HealthOptions.all());
    raw.put("forecast service", ForecastOptions.all());
    raw.put("simulator", SimulatorOptions.all());
    raw.put("load generator", LoadGeneratorOptions.all());
    raw.put("metrics (Prometheus endpoints)", MetricsOptions.all());
    raw.put("local servers (demo, infra)", StackOptions.all());
    raw.put("launcher", LauncherOptions.all());
    raw.put("bench", BenchOptions.all());
    Set<String> seen = new LinkedHashSet<>();
    Map<String, List<Option<?>>> sections = new LinkedHashMap<>();
    raw.forEach(
        (title, options) -> {
          List<Option<?>> fresh = new ArrayList<>();
          for (Option<?> o : options) {
            if (seen.add(o.name())) {
              fresh.add(o);
            }
          }
          if (!fresh.isEmpty()) {
            sections.put(title, List.copyOf(fresh));
          }
        });
    return sections;
  }

  /** Every setting, each once. */
  public static List<Option<?>> all() {
    return bySection().values().stream().flatMap(List::stream).toList();
  }
}
