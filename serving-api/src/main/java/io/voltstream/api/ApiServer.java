package io.voltstream.api;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import io.javalin.security.Roles;
import io.voltstream.api.analytics.AnalyticsController;
import io.voltstream.api.analytics.SummaryService;
import io.voltstream.api.auth.RateLimiter;
import io.voltstream.api.auth.Role;
import io.voltstream.api.batteries.BatteryAnalyticsController;
import io.voltstream.api.batteries.BatteryAnalyticsService;
import io.voltstream.api.batteries.BatteryController;
import io.voltstream.api.batteries.BatteryService;
import io.voltstream.api.buildings.BuildingController;
import io.voltstream.api.buildings.BuildingSettingsController;
import io.voltstream.api.commands.CommandController;
import io.voltstream.api.commands.CommandService;
import io.voltstream.api.dataquery.DataQueryController;
import io.voltstream.api.dataquery.DataQueryService;
import io.voltstream.api.docs.DocsController;
import io.voltstream.api.dr.DrController;
import io.voltstream.api.dr.DrService;
import io.voltstream.api.dr.FlexibilityReader;
import io.voltstream.api.dr.OpenAdrController;
import io.voltstream.api.events.EventsController;
import io.voltstream.api.events.EventsService;
import io.voltstream.api.export.ExportController;
import io.voltstream.api.export.ExportService;
import io.voltstream.api.finance.FinanceController;
import io.voltstream.api.finance.FinanceService;
import io.voltstream.api.flexibility.FlexibilityController;
import io.voltstream.api.flexibility.FlexibilityService;
import io.voltstream.api.forecast.ForecastController;
import io.voltstream.api.forecast.ForecastQueryService;
import io.voltstream.api.health.HealthController;
import io.voltstream.api.influx.CachingInfluxReader;
import io.voltstream.api.influx.GuardedInfluxReader;
import io.voltstream.api.influx.InfluxReader;
import io.voltstream.api.iot.DeviceController;
import io.voltstream.api.iot.DeviceService;
import io.voltstream.api.live.LiveFeed;
import io.voltstream.api.live.LiveHub;
import io.voltstream.api.live.LiveMessages;
import io.voltstream.api.live.LiveSocket;
import io.voltstream.api.metrics.HttpMeters;
import io.voltstream.api.metrics.LiveMeters;
import io.voltstream.api.mqttauth.DeviceCredentials;
import io.voltstream.api.mqttauth.MqttCredentialController;
import io.voltstream.api.mqttauth.MqttCredentialService;
import io.voltstream.api.p2p.MarketController;
import io.voltstream.api.p2p.MarketReader;
import io.voltstream.api.p2p.MarketService;
import io.voltstream.api.p2p.OrderController;
import io.voltstream.api.p2p.OrderService;
import io.voltstream.api.query.JsonResponseCache;
import io.voltstream.api.query.QueryConfig;
import io.voltstream.api.query.RegistryLookup;
import io.voltstream.api.query.RegistryLookups;
import io.voltstream.api.roomdata.RoomDataController;
import io.voltstream.api.roomdata.RoomDataService;
import io.voltstream.api.rooms.RoomController;
import io.voltstream.api.route.AccessControl;
import io.voltstream.api.route.ErrorMapping;
import io.voltstream.api.route.ProblemErrorHandler;
import io.voltstream.api.route.ResourceRoutes;
import io.voltstream.api.route.RouteSpec;
import io.voltstream.api.route.RouteTable;
import io.voltstream.api.rules.RuleController;
import io.voltstream.api.rules.RuleService;
import io.voltstream.api.scope.ResourceScope;
import io.voltstream.api.sensors.SensorController;
import io.voltstream.api.store.ChangeListener;
import io.voltstream.api.tokens.TokenController;
import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.model.Building;
import io.voltstream.model.Json;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The composition root of the API: builds every resource (health, tokens, buildings, rooms,
 * sensors, room data, analytics, data query, export, events, forecasts, batteries, commands,
 * building settings, demand response, the P2P market, financial analytics, the live socket, docs)
 * from its {@link ApiDependencies}, each resource's controller registering its own routes in one
 * {@link RouteTable}, and turns the table into an un-started Javalin app whose routes carry their
 * {@link RouteSpec} (roles, docs) as metadata for the single access check and {@code
 * /openapi.json}. No resource package imports this one or another resource's package; to add a
 * resource, construct its controller in {@code resources(...)} (see the serving-api README, "Adding
 * a resource").
 *
 * <p>Caches: one per path. Room data keeps its serialised answers (in the controller); summary,
 * data query and events share a short-TTL query cache; forecasts cache for 30 s; export streams
 * uncached.
 *
 * <pre>{@code
 * Javalin app = ApiServer.create(deps).start("127.0.0.1", 0);   // stopping the app closes the live parts
 * }</pre>
 */
public final class ApiServer implements AutoCloseable {
  /** Classpath folder served at {@code /} when present (the dashboard). */
  public static final String DASHBOARD_RESOURCES = "/public";

  static final Duration FORECAST_CACHE_TTL = Duration.ofSeconds(30);

  private final ApiDependencies deps;
  private final LiveHub hub;
  private final LiveSocket socket;
  private final Optional<LiveFeed> feed;
  private final RouteTable routes;
  private final ChangeListener.Registration revocations;
  // set by resources(), which the constructor calls once
  private RoomDataController roomData;

  /** Wires every resource and starts the live feed when the dependencies name a Kafka to read. */
  public ApiServer(ApiDependencies deps, ResourceRoutes... extraRoutes) {
    this.deps = deps;
    QueryConfig queries = deps.queryConfig();
    Clock clock = deps.clock();
    RegistryLookup registry = RegistryLookups.of(deps.registry());
    ResourceScope scope = new ResourceScope(deps.registry());
    this.hub = new LiveHub(queries.liveQueueKeys(), clock);
    this.socket = new LiveSocket(hub, deps.jwt(), scope, queries.liveAuthTimeout());
    this.revocations = deps.tokens().onRevocation(socket::revoked);
    new LiveMeters(hub).bindTo(deps.meters());
    this.routes = new RouteTable();
    resources(scope, registry).forEach(r -> r.registerRoutes(routes));
    List.of(extraRoutes).forEach(r -> r.registerRoutes(routes));
    new DocsController(routes).registerRoutes(routes);
    routes.specs(); // fails fast when a route lacks its access rule or is registered twice
    this.feed =
        deps.liveFeedBootstrap()
            .map(
                b ->
                    LiveFeed.start(
                        b,
                        hub,
                        new LiveMessages(
                            registry::roomOfSensor,
                            battery -> deps.registry().battery(battery).map(BatterySpec::building),
                            market ->
                                deps.registry().membersOf(market).stream()
                                    .map(Building::id)
                                    .collect(Collectors.toSet()),
                            clock)));
  }

  private List<ResourceRoutes> resources(ResourceScope scope, RegistryLookup registry) {
    QueryConfig queries = deps.queryConfig();
    Clock clock = deps.clock();
    InfluxReader uncached = new GuardedInfluxReader(deps.influx());
    InfluxReader cached =
        new GuardedInfluxReader(
            new CachingInfluxReader(deps.influx(), queries.cacheTtl(), 10_000, clock));
    InfluxReader forecasts =
        new GuardedInfluxReader(
            new CachingInfluxReader(deps.influx(), FORECAST_CACHE_TTL, 1_000, clock));
    CommandService commands = new CommandService(deps.commands(), uncached, clock);
    roomData =
        new RoomDataController(
            new RoomDataService(uncached, registry, queries), scope, queries, clock);
    DrService dr =
        new DrService(deps.dr(), deps.registry(), new FlexibilityReader(uncached, clock), clock);
    MarketReader market = new MarketReader(cached);
    return List.<ResourceRoutes>of(
        new HealthController(deps.health()),
        new TokenController(deps.tokens()),
        new BuildingController(deps.registry(), scope),
        new RoomController(deps.registry(), scope),
        new SensorController(deps.registry(), scope),
        roomData,
        new AnalyticsController(
            new SummaryService(
                cached,
                registry,
                hub::sessionCount,
                clock,
                new SummaryService.DrFigures(dr::activeEvents, dr::flexibilityAvailableKw)),
            deps.registry(),
            scope),
        new DataQueryController(new DataQueryService(cached, queries, clock), scope),
        new ExportController(new ExportService(uncached, queries), scope, queries, clock),
        new EventsController(new EventsService(cached), scope, clock),
        new ForecastController(new ForecastQueryService(forecasts, clock), scope),
        new BatteryController(
            deps.registry(), new BatteryService(deps.registry(), uncached, commands, clock), scope),
        new BatteryAnalyticsController(
            new BatteryAnalyticsService(deps.registry(), cached), scope, queries, clock),
        new CommandController(commands, scope),
        new BuildingSettingsController(deps.registry(), scope),
        new DrController(dr, deps.registry(), scope, clock),
        new OpenAdrController(dr, scope),
        new RuleController(new RuleService(deps.registry()), scope),
        new DeviceController(
            deps.registry(), new DeviceService(deps.registry(), uncached, commands, clock), scope),
        new FlexibilityController(new FlexibilityService(uncached, clock), deps.registry(), scope),
        new OrderController(
            new OrderService(deps.orders(), deps.orderLog(), deps.registry(), clock),
            deps.registry(),
            scope,
            clock),
        new MarketController(
            new MarketService(deps.registry(), deps.orders(), market, clock),
            market,
            deps.registry(),
            scope,
            queries,
            clock),
        new FinanceController(new FinanceService(cached), deps.registry(), scope, queries, clock),
        new MqttCredentialController(
            new MqttCredentialService(
                deps.registry(),
                deps.mqttAccounts().map(accounts -> new DeviceCredentials(accounts, clock)))),
        socket);
  }

  /**
   * An un-started app that closes this server's live parts when it stops; {@code extraRoutes} for
   * tests.
   */
  public static Javalin create(ApiDependencies deps, ResourceRoutes... extraRoutes) {
    ApiServer server = new ApiServer(deps, extraRoutes);
    return server.app(true);
  }

  /** Every route of an API built from {@code deps} (built and closed again: for docs and tests). */
  public static RouteTable routeTable(ApiDependencies deps) {
    try (ApiServer server = new ApiServer(deps.withoutLiveFeed())) {
      return server.routeTable();
    }
  }

  public RouteTable routeTable() {
    return routes;
  }

  /** The live fan-out; anything may {@link LiveHub#broadcast} through it. */
  /**
   * Hits and misses of the room-data response cache since start (the API benchmark reports them).
   */
  public JsonResponseCache.Stats roomDataCacheStats() {
    return roomData.cacheStats();
  }

  public LiveHub hub() {
    return hub;
  }

  public Optional<LiveFeed> feed() {
    return feed;
  }

  /**
   * A new un-started Javalin app serving this server's routes; stopping it leaves the server open.
   */
  public Javalin app() {
    return app(false);
  }

  private Javalin app(boolean closeOnStop) {
    ApiConfig config = deps.config();
    RateLimiter limiter =
        new RateLimiter(config.rateLimitPerSecond(), config.rateLimitBurst(), deps.clock());
    AccessControl access = new AccessControl(deps.jwt(), limiter, config.maxBodyBytes());
    return Javalin.create(
        cfg -> {
          configure(cfg, config);
          new HttpMeters(deps.meters()).install(cfg);
          if (closeOnStop) {
            cfg.events.serverStopped(this::close);
          }
          ErrorMapping.register(cfg.routes);
          cfg.routes.beforeMatched(access::check);
          for (RouteTable.HttpRoute r : routes.httpRoutes()) {
            RouteSpec spec = r.spec();
            cfg.routes.addEndpoint(
                Endpoint.create(HandlerType.findOrCreate(spec.method()), spec.path())
                    .addMetadata(spec)
                    .addMetadata(new Roles(spec.roles()))
                    .handler(r.handler()));
          }
          for (RouteTable.WsRoute r : routes.wsRoutes()) {
            RouteSpec spec = r.spec();
            cfg.routes.ws(spec.path(), r.config(), spec.roles().toArray(new Role[0]));
          }
        });
  }

  /** Stops the live feed, then the socket (closing its sessions) and the hub. */
  @Override
  public void close() {
    revocations.close();
    feed.ifPresent(LiveFeed::close);
    socket.close();
  }

  private static void configure(JavalinConfig cfg, ApiConfig config) {
    cfg.startup.showJavalinBanner = false;
    cfg.startup.showOldJavalinVersionWarning = false;
    cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
    cfg.http.maxRequestSize = config.maxBodyBytes();
    cfg.http.prefer405over404 = true;
    cfg.http.asyncTimeout = config.requestTimeout().toMillis();
    cfg.router.ignoreTrailingSlashes = true;
    cfg.jetty.modifyHttpConfiguration(
        http -> http.setIdleTimeout(config.requestTimeout().toMillis()));
    // requests Jetty refuses before routing (bad URI encoding, URI too long) get problem JSON too
    ProblemErrorHandler jettyErrors = new ProblemErrorHandler();
    cfg.jetty.modifyServer(server -> server.setErrorHandler(jettyErrors));
    cfg.jetty.modifyServletContextHandler(context -> context.setErrorHandler(jettyErrors));
    if (ApiServer.class.getResource(DASHBOARD_RESOURCES) != null) {
      cfg.staticFiles.add(
          sf -> {
            sf.hostedPath = "/";
            sf.directory = DASHBOARD_RESOURCES;
            sf.location = Location.CLASSPATH;
          });
    }
    if (ApiServer.class.getResource(DocsController.ASSETS_RESOURCES) != null) {
      cfg.staticFiles.add(
          sf -> {
            sf.hostedPath = DocsController.ASSETS_PATH;
            sf.directory = DocsController.ASSETS_RESOURCES;
            sf.location = Location.CLASSPATH;
          });
    }
  }
}
