package io.voltstream.launcher;

import io.voltstream.api.ApiApp;
import io.voltstream.api.ApiConfig;
import io.voltstream.api.health.HealthOptions;
import io.voltstream.api.mqttauth.DeviceCredentials;
import io.voltstream.api.mqttauth.DeviceKind;
import io.voltstream.api.mqttauth.MqttAdminOptions;
import io.voltstream.api.mqttauth.MqttGrants;
import io.voltstream.config.CommonOptions;
import io.voltstream.forecast.pv.registry.RegistryGenerationModels;
import io.voltstream.forecast.streaming.ForecastConfig;
import io.voltstream.forecast.streaming.ForecastService;
import io.voltstream.forecast.streaming.ForecastServiceApp;
import io.voltstream.influx.InfluxClient;
import io.voltstream.ingest.IngestConfig;
import io.voltstream.ingest.IngestOptions;
import io.voltstream.ingest.app.IngestApp;
import io.voltstream.jobs.marketagents.MarketAgentsOptions;
import io.voltstream.launcher.bench.Platform;
import io.voltstream.launcher.stack.Lifecycle;
import io.voltstream.launcher.stack.LocalFlinkCluster;
import io.voltstream.launcher.stack.LocalFlinkCluster.StartFrom;
import io.voltstream.launcher.stack.LocalInfrastructure;
import io.voltstream.launcher.stack.LocalInfrastructure.LocalInfrastructureConfig;
import io.voltstream.launcher.stack.StreamJobs;
import io.voltstream.metrics.MetricsEndpoint;
import io.voltstream.metrics.MetricsOptions;
import io.voltstream.metrics.PrometheusEndpoint;
import io.voltstream.sim.SimulatorApp;
import io.voltstream.sim.SimulatorConfig;
import io.voltstream.sim.mqtt.DeviceLogins;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole platform started in this process, in dependency order: local servers, the Flink jobs in
 * one MiniCluster, ingest, the API, the forecast service and (optionally) the demo building's
 * simulators. {@link #close()} stops them in reverse order. Used by {@code voltstream demo} and by
 * the end-to-end tests, so both exercise the same wiring.
 */
public final class DemoStack implements Platform {
  private static final Logger LOG = LoggerFactory.getLogger(DemoStack.class);
  private static final Duration SUBSCRIBE_TIMEOUT = Duration.ofSeconds(60);

  /** Stored energy above this SoC is offered in the demo [%]. */
  static final String DEMO_SELL_STORED_ABOVE_SOC = "40";

  private final Lifecycle lifecycle = new Lifecycle();
  private final Map<String, String> env;
  private final LocalInfrastructure infra;
  private final LocalFlinkCluster flink;
  private final IngestApp ingest;
  private final ApiApp.Running api;
  private final SimulatorApp.Running simulators;
  private final DemoBackfill.Result history;

  /**
   * What to start besides the core. {@code flinkRestPort} 0 picks a free port; {@code freshJobs}
   * starts the Flink jobs with empty state instead of resuming from their retained checkpoints;
   * {@code historyDays} &gt; 0 writes that many days of the community's history on a first start
   * ({@link DemoBackfill}).
   */
  public record Options(
      boolean simulators,
      boolean forecasts,
      int flinkRestPort,
      boolean freshJobs,
      int historyDays) {
    /** Jobs resume from their retained checkpoints; no history written. */
    public Options(boolean simulators, boolean forecasts, int flinkRestPort) {
      this(simulators, forecasts, flinkRestPort, false);
    }

    /** No history written. */
    public Options(boolean simulators, boolean forecasts, int flinkRestPort, boolean freshJobs) {
      this(simulators, forecasts, flinkRestPort, freshJobs, 0);
    }
  }

  /** How long the forecast service waits for the jobs to store the written history. */
  static final Duration HISTORY_STORED_TIMEOUT = Duration.ofMinutes(10);

  private DemoStack(Map<String, String> baseEnv, Options options) throws Exception {
    Path dataDir = LocalInfrastructureConfig.fromEnv(baseEnv).dataDir();
    // decided before the servers create their directories
    boolean firstStart = options.historyDays() > 0 && DemoBackfill.isFirstStart(dataDir);
    try {
      infra =
          lifecycle.add(
              "local servers",
              LocalInfrastructure.start(LocalInfrastructureConfig.fromEnv(baseEnv)));
      env = withDemoDefaults(infra.environmentFor(baseEnv));
      flink =
          lifecycle.add(
              "Flink MiniCluster",
              LocalFlinkCluster.start(
                  options.flinkRestPort(),
                  StreamJobs.requiredSlots(),
                  LocalInfrastructureConfig.fromEnv(env).dataDir().resolve("flink"),
                  options.freshJobs() ? StartFrom.FRESH : StartFrom.LATEST_CHECKPOINT,
                  LocalFlinkCluster.prometheusPorts(env)));
      StreamJobs.runAll(flink, env, List.of());
      // before ingest and the live simulators: every history reading is older than any live one
      history =
          firstStart
              ? DemoBackfill.run(env, dataDir, options.historyDays(), Clock.systemUTC())
              : null;
      // One ingest instance here: a plain (not shared) subscription, because mosquitto 2.0 does not
      // keep a shared subscription's offline queue across a broker restart (ingest/README.md).
      Map<String, String> ingestEnv = new java.util.HashMap<>(env);
      ingestEnv.putIfAbsent(IngestOptions.SHARED_SUBSCRIPTION.name(), "false");
      Optional<DeviceCredentials> mqttAccounts = infra.mqttAccounts(lifecycle);
      mqttAccounts.ifPresent(
          accounts -> {
            // a fresh service password each start: nothing to keep on disk
            String password = accounts.newPassword();
            accounts.ensureService(MqttGrants.INGEST_ACCOUNT, MqttGrants.ingest(), password);
            ingestEnv.put(CommonOptions.MQTT_USERNAME.name(), MqttGrants.INGEST_ACCOUNT);
            ingestEnv.put(CommonOptions.MQTT_PASSWORD.name(), password);
          });
      ingest =
          lifecycle.add(
              "ingest",
              IngestApp.start(
                  IngestConfig.fromEnv(ingestEnv),
                  MetricsEndpoint.fromEnv(ingestEnv, MetricsOptions.INGEST_PORT)));
      // Right after ingest rather than last: the first 1-minute window then closes sooner, keeping
      // "room metrics within 2 minutes of the start". Readings published before ingest's shared
      // subscription exists would reach no subscriber, hence the wait.
      if (options.simulators() && !ingest.awaitSubscribed(SUBSCRIBE_TIMEOUT)) {
        LOG.warn(
            "ingest is not subscribed after {}; the simulators start anyway", SUBSCRIBE_TIMEOUT);
      }
      simulators =
          options.simulators()
              ? lifecycle.add(
                  "simulators",
                  SimulatorApp.start(
                      SimulatorConfig.fromEnv(env),
                      Clock.systemUTC(),
                      mqttAccounts.map(DemoStack::issuedLogins).orElse(DeviceLogins.none())))
              : null;
      api = lifecycle.add("API", ApiApp.start(ApiConfig.fromEnv(env), apiEnvironment()));
      if (options.forecasts()) {
        ForecastConfig forecastConfig = ForecastConfig.fromEnv(env);
        ForecastService forecasts =
            lifecycle.add(
                "forecast service",
                ForecastService.create(
                    forecastConfig,
                    RegistryGenerationModels.fromKafka(forecastConfig.kafkaBootstrap())));
        PrometheusEndpoint forecastMetrics =
            lifecycle.add(
                "forecast metrics",
                PrometheusEndpoint.start(
                    "forecast", MetricsEndpoint.fromEnv(env, MetricsOptions.FORECAST_PORT)));
        ForecastServiceApp.serveMetrics(forecasts, forecastMetrics.registry());
        DemoModels.trainThenStart(forecastConfig, env, forecasts, this::awaitHistoryStored);
      }
    } catch (Exception | Error e) {
      lifecycle.close();
      throw e;
    }
  }

  /**
   * The settings with the broker's admin login for the API only (it issues device logins); the
   * other components' settings never carry it (the Flink jobs' configuration is visible in their
   * web UI), and the local Flink cluster's REST address and job names for {@code /health}.
   */
  private Map<String, String> apiEnvironment() throws Exception {
    Map<String, String> apiEnv = new java.util.HashMap<>(env);
    // /health reads the jobs from this MiniCluster's REST API and expects every one of them.
    apiEnv.putIfAbsent(HealthOptions.FLINK_REST.name(), flink.restAddress().toString());
    apiEnv.putIfAbsent(HealthOptions.FLINK_JOBS.name(), String.join(",", StreamJobs.names()));
    infra
        .mosquittoAuth()
        .ifPresent(
            auth -> {
              apiEnv.put(MqttAdminOptions.ADMIN_USERNAME.name(), auth.adminUsername());
              apiEnv.put(MqttAdminOptions.ADMIN_PASSWORD.name(), auth.adminPassword());
            });
    return apiEnv;
  }

  /**
   * Every simulated device gets its own login at start, as an admin would issue it with {@code POST
   * …/mqtt-credentials} (rotating the one of the previous run): the demo's devices then use only
   * their own topics, like real ones.
   */
  static DeviceLogins issuedLogins(DeviceCredentials accounts) {
    return (kind, id, meterId) ->
        Optional.of(
            new DeviceLogins.Login(
                id,
                accounts
                    .issue(
                        switch (kind) {
                          case SENSOR -> DeviceKind.SENSOR;
                          case BATTERY -> DeviceKind.BATTERY;
                          case DEVICE -> DeviceKind.DEVICE;
                        },
                        id,
                        meterId)
                    .password()));
  }

  /**
   * The demo's settings where the environment sets none: the community's agents offer stored
   * battery energy above 40 % SoC (production default 90 %, which the demo batteries hovering
   * around 50 % never reach), so the office can buy from the home and demo batteries at any time of
   * day; dispatch then discharges to deliver what they sold (stream-jobs README, dispatch).
   */
  static Map<String, String> withDemoDefaults(Map<String, String> env) {
    Map<String, String> merged = new java.util.HashMap<>(env);
    merged.putIfAbsent(
        MarketAgentsOptions.SELL_STORED_ABOVE_SOC.name(), DEMO_SELL_STORED_ABOVE_SOC);
    return merged;
  }

  public static DemoStack start(Map<String, String> env, Options options) throws Exception {
    return new DemoStack(env, options);
  }

  /** The effective settings (with the local servers' addresses). */
  @Override
  public Map<String, String> environment() {
    return env;
  }

  @Override
  public LocalInfrastructure infra() {
    return infra;
  }

  @Override
  public LocalFlinkCluster flink() {
    return flink;
  }

  @Override
  public IngestApp ingest() {
    return ingest;
  }

  @Override
  public ApiApp.Running api() {
    return api;
  }

  public Optional<SimulatorApp.Running> simulators() {
    return Optional.ofNullable(simulators);
  }

  /** What the first-start history wrote, if it ran in this start. */
  public Optional<DemoBackfill.Result> history() {
    return Optional.ofNullable(history);
  }

  /**
   * Blocks until the jobs stored the written history in {@code room_metrics} (at most {@link
   * #HISTORY_STORED_TIMEOUT}); at once when none was written in this start.
   */
  private void awaitHistoryStored() {
    if (history == null) {
      return;
    }
    var influx = new InfluxClient(URI.create(infra.influx().url()), infra.database());
    if (!DemoBackfill.awaitStored(influx, history, HISTORY_STORED_TIMEOUT)) {
      LOG.warn(
          "The jobs have not stored the demo history after {}; forecasting anyway",
          HISTORY_STORED_TIMEOUT);
    }
  }

  public Lifecycle lifecycle() {
    return lifecycle;
  }

  @Override
  public void close() {
    lifecycle.close();
  }
}
