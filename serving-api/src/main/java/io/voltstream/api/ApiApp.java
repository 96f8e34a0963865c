package io.voltstream.api;

import io.javalin.Javalin;
import io.voltstream.api.auth.AdminBootstrap;
import io.voltstream.api.auth.JwtService;
import io.voltstream.api.auth.SecretFiles;
import io.voltstream.api.auth.TokenService;
import io.voltstream.api.auth.TokenTopics;
import io.voltstream.api.commands.KafkaCommandPublisher;
import io.voltstream.api.dr.DrStore;
import io.voltstream.api.health.HealthOptions.HealthConfig;
import io.voltstream.api.health.HealthService;
import io.voltstream.api.health.ServerProbes;
import io.voltstream.api.mqttauth.DeviceCredentials;
import io.voltstream.api.mqttauth.DynsecAccounts;
import io.voltstream.api.mqttauth.MqttAccounts;
import io.voltstream.api.mqttauth.MqttAdminOptions;
import io.voltstream.api.mqttauth.MqttGrants;
import io.voltstream.api.mqttauth.ServiceAccountBootstrap;
import io.voltstream.api.p2p.OrderFeed;
import io.voltstream.api.p2p.OrderLog;
import io.voltstream.api.p2p.OrderStore;
import io.voltstream.api.query.QueryConfig;
import io.voltstream.api.registry.RegistryService;
import io.voltstream.api.store.KafkaReplicatedMap;
import io.voltstream.api.store.KafkaTopicWriter;
import io.voltstream.api.store.TombstonePolicy;
import io.voltstream.config.CommonOptions;
import io.voltstream.config.ConfigReader;
import io.voltstream.influx.InfluxClient;
import io.voltstream.metrics.ConsumerLagMeter;
import io.voltstream.metrics.MetricsEndpoint;
import io.voltstream.metrics.MetricsOptions;
import io.voltstream.metrics.PrometheusEndpoint;
import io.voltstream.model.Topics;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API deployable: reads the settings, opens the Kafka-backed token and registry views, the
 * admin bootstrap, the health checks and the InfluxDB client, hands them to the composition root
 * {@link ApiServer} and starts Javalin. {@link #start} returns a handle the launcher closes; {@link
 * #main} runs until interrupted.
 *
 * <pre>{@code
 * try (ApiApp.Running api = ApiApp.start(ApiConfig.fromEnv(System.getenv()))) {
 *   System.out.println(api.baseUri());
 * }
 * }</pre>
 */
public final class ApiApp {
  private static final Logger LOG = LoggerFactory.getLogger(ApiApp.class);
  private static final java.time.Duration SERVICE_ACCOUNT_RETRY = java.time.Duration.ofSeconds(5);

  private ApiApp() {}

  /**
   * A started API instance; closing (idempotent) stops HTTP, then the live feed and socket, then
   * the Kafka clients.
   */
  public static final class Running implements AutoCloseable {
    private final Javalin app;
    private final Deque<AutoCloseable> resources;
    private final Path adminTokenFile;
    private final ApiDependencies deps;
    private final ApiServer server;
    private final PrometheusEndpoint metrics;
    private final java.util.concurrent.atomic.AtomicBoolean closed =
        new java.util.concurrent.atomic.AtomicBoolean();

    private Running(
        Javalin app,
        Deque<AutoCloseable> resources,
        Path adminTokenFile,
        ApiDependencies deps,
        ApiServer server,
        PrometheusEndpoint metrics) {
      this.app = app;
      this.metrics = metrics;
      this.resources = resources;
      this.adminTokenFile = adminTokenFile;
      this.deps = deps;
      this.server = server;
    }

    public int port() {
      return app.port();
    }

    /** The port of the API's {@code GET /metrics}; empty when it serves none. */
    public Optional<Integer> metricsPort() {
      return metrics.port();
    }

    public URI baseUri() {
      String host = deps.config().host().equals("0.0.0.0") ? "localhost" : deps.config().host();
      return URI.create("http://" + host + ":" + port());
    }

    /** Where the bootstrap admin token is. */
    public Path adminTokenFile() {
      return adminTokenFile;
    }

    public ApiDependencies dependencies() {
      return deps;
    }

    /** The wired resources: route table, live hub. */
    public ApiServer server() {
      return server;
    }

    @Override
    public void close() {
      if (!closed.compareAndSet(false, true)) {
        return;
      }
      int port = port();
      app.stop();
      closeAll(resources);
      LOG.info("API on port {} stopped", port);
    }
  }

  /** {@link #start(ApiConfig, Map)} with the process environment for the query settings. */
  public static Running start(ApiConfig config) throws IOException {
    return start(config, System.getenv());
  }

  /**
   * Connects to Kafka (failing fast when unreachable), loads the views and starts serving; the
   * query, export and live settings ({@link QueryConfig}) and the health settings ({@link
   * HealthConfig}) are read from {@code env}.
   */
  public static Running start(ApiConfig config, Map<String, String> env) throws IOException {
    Deque<AutoCloseable> resources = new ArrayDeque<>();
    try {
      Clock clock = Clock.systemUTC();
      String bootstrap = config.kafkaBootstrap();
      var revocations =
          track(
              resources,
              KafkaReplicatedMap.open(
                  bootstrap,
                  Topics.TOKEN_REVOCATIONS,
                  config.writeTimeout(),
                  TombstonePolicy.IGNORE));
      var tokenRecords =
          track(
              resources,
              KafkaReplicatedMap.open(bootstrap, TokenTopics.TOKENS, config.writeTimeout()));
      var registryView =
          track(
              resources,
              KafkaReplicatedMap.open(bootstrap, Topics.REGISTRY, config.writeTimeout()));

      byte[] secret = SecretFiles.jwtSecret(config.jwtSecret(), config.dataDir());
      JwtService jwt = new JwtService(secret, clock, id -> revocations.get(id).isPresent());
      TokenService tokens =
          new TokenService(jwt, tokenRecords, revocations, clock, config.tokenTtl());
      Path adminFile = AdminBootstrap.ensure(config.dataDir(), jwt, tokens, config.adminTokenTtl());

      // compose runs InfluxDB with auth-enabled: the API reads and probes with the same login
      ConfigReader settings = new ConfigReader(env);
      InfluxClient influx =
          new InfluxClient(
              config.influxUrl(),
              config.influxDb(),
              InfluxClient.basicAuthorization(
                  settings.find(CommonOptions.INFLUX_USER).orElse(null),
                  settings.find(CommonOptions.INFLUX_PASSWORD).orElse(null)),
              InfluxClient.DEFAULT_TIMEOUT);
      HealthConfig healthConfig = HealthConfig.fromEnv(env);
      ServerProbes probes = track(resources, new ServerProbes(bootstrap, influx, healthConfig));
      HealthService health = new HealthService(probes, healthConfig, clock);
      KafkaCommandPublisher commands =
          track(resources, KafkaCommandPublisher.open(bootstrap, config.writeTimeout()));
      // Both DR logs are read from the beginning, so a restarted instance sees every invitation and
      // report; the maps are closed through `resources` (DrStore only delegates).
      DrStore dr =
          new DrStore(
              track(
                  resources,
                  KafkaReplicatedMap.open(bootstrap, Topics.DR_INVITATIONS, config.writeTimeout())),
              track(
                  resources,
                  KafkaReplicatedMap.open(bootstrap, Topics.DR_STATUS, config.writeTimeout())));
      // Market orders: the last 48 h of market-orders and the job's statuses, kept bounded in
      // memory (OrderStore), and the producer of new orders and cancels.
      OrderStore orders = OrderStore.withDefaults(clock);
      track(
          resources,
          OrderFeed.start(bootstrap, orders, clock, settings.get(ApiOptions.STARTUP_TIMEOUT)));
      // key = market id: one market's orders stay in order on one partition
      var orderWriter =
          track(
              resources,
              KafkaTopicWriter.open(
                  bootstrap, Topics.MARKET_ORDERS, "voltstream-api-orders", config.writeTimeout()));
      OrderLog orderLog = o -> orderWriter.append(o.market(), o);
      // Served on its own port without a token: Prometheus scrapes it (MetricsOptions).
      MetricsEndpoint metricsEndpoint = MetricsEndpoint.fromEnv(env, MetricsOptions.API_PORT);
      PrometheusEndpoint metrics =
          track(resources, PrometheusEndpoint.start("api", metricsEndpoint));
      if (metricsEndpoint.enabled()) {
        // the lag of every consumer group (jobs, command bridge) needs a broker-side view
        track(
            resources,
            ConsumerLagMeter.start(
                bootstrap,
                metrics.registry(),
                new ConfigReader(env).get(MetricsOptions.CONSUMER_LAG_INTERVAL)));
      }
      ApiDependencies deps =
          new ApiDependencies(
              config,
              QueryConfig.fromEnv(env),
              clock,
              jwt,
              tokens,
              new RegistryService(registryView),
              health,
              influx::query,
              commands,
              Optional.of(bootstrap),
              dr,
              orders,
              orderLog,
              deviceAccounts(resources, config, env),
              metrics.registry());
      ApiServer server = track(resources, new ApiServer(deps));
      Javalin app = server.app().start(config.host(), config.port());
      LOG.info(
          "API listening on {}:{}; docs at /docs; admin token in {}",
          config.host(),
          app.port(),
          adminFile.toAbsolutePath());
      return new Running(app, resources, adminFile, deps, server, metrics);
    } catch (IOException | RuntimeException e) {
      closeAll(resources);
      throw e;
    } catch (Exception e) {
      closeAll(resources);
      throw new IllegalStateException("cannot start the API: " + e.getMessage(), e);
    }
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    Running api = start(ApiConfig.fromEnv(env), env);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  api.close();
                  stopped.countDown();
                },
                "api-shutdown"));
    stopped.await();
  }

  /**
   * The broker's account service when a dynamic-security admin is configured ({@link
   * MqttAdminOptions}); it connects in the background, so a broker that is away only fails the
   * credential calls.
   */
  private static Optional<MqttAccounts> deviceAccounts(
      Deque<AutoCloseable> resources, ApiConfig config, Map<String, String> env) {
    ConfigReader r = new ConfigReader(env);
    return MqttAdminOptions.admin(r)
        .map(
            admin -> {
              java.net.URI broker = r.get(CommonOptions.MQTT_URL);
              LOG.info(
                  "device credentials: dynamic-security admin {} on {}", admin.username(), broker);
              DynsecAccounts accounts =
                  track(
                      resources,
                      DynsecAccounts.connect(
                          broker.getHost(),
                          broker.getPort() == -1 ? 1883 : broker.getPort(),
                          admin,
                          config.writeTimeout()));
              MqttAdminOptions.ingestPassword(r)
                  .ifPresent(
                      password ->
                          track(
                              resources,
                              ServiceAccountBootstrap.start(
                                  new DeviceCredentials(accounts, Clock.systemUTC()),
                                  MqttGrants.INGEST_ACCOUNT,
                                  MqttGrants.ingest(),
                                  password,
                                  SERVICE_ACCOUNT_RETRY)));
              return accounts;
            });
  }

  private static <T extends AutoCloseable> T track(Deque<AutoCloseable> resources, T r) {
    resources.push(r);
    return r;
  }

  private static void closeAll(Deque<AutoCloseable> resources) {
    while (!resources.isEmpty()) {
      AutoCloseable r = resources.pop();
      try {
        r.close();
      } catch (Exception e) {
        LOG.warn("error closing {}", r, e);
      }
    }
  }
}
