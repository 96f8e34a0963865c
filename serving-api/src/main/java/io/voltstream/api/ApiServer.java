package io.voltstream.api;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import io.javalin.security.Roles;
import io.voltstream.api.auth.AccessControl;
import io.voltstream.api.auth.RateLimiter;
import io.voltstream.api.auth.Role;
import io.voltstream.api.auth.TokenController;
import io.voltstream.api.docs.DocsController;
import io.voltstream.api.error.ErrorMapping;
import io.voltstream.api.health.HealthController;
import io.voltstream.api.registry.BuildingController;
import io.voltstream.api.registry.RoomController;
import io.voltstream.api.registry.SensorController;
import io.voltstream.api.route.RouteSpec;
import io.voltstream.api.route.RouteTable;
import io.voltstream.model.Json;

/**
 * Builds the (un-started) Javalin app from its dependencies: the core controllers and every
 * {@link ApiModule} register their routes in one {@link RouteTable}; each route becomes a Javalin
 * endpoint carrying its {@link RouteSpec} (roles, docs) as metadata, which the single access check
 * and {@code /openapi.json} both read. Only {@link ApiApp} starts it.
 *
 * <pre>{@code
 * Javalin app = ApiServer.create(deps).start("127.0.0.1", 0);
 * }</pre>
 */
public final class ApiServer {
  /** Classpath folder served at {@code /} when present (the dashboard). */
  public static final String DASHBOARD_RESOURCES = "/public";

  private ApiServer() {}

  public static Javalin create(ApiDependencies deps) {
    RouteTable table = routeTable(deps);
    table.specs(); // fails fast when a route lacks its access rule
    ApiConfig config = deps.config();
    RateLimiter limiter = new RateLimiter(config.rateLimitPerSecond(), config.rateLimitBurst(), deps.clock());
    AccessControl access = new AccessControl(deps.jwt(), limiter, config.maxBodyBytes());

    return Javalin.create(cfg -> {
      configure(cfg, config);
      ErrorMapping.register(cfg.routes);
      cfg.routes.beforeMatched(access::check);
      for (RouteTable.HttpRoute r : table.httpRoutes()) {
        RouteSpec spec = r.spec();
        cfg.routes.addEndpoint(
            Endpoint.create(HandlerType.findOrCreate(spec.method()), spec.path())
                .addMetadata(spec)
                .addMetadata(new Roles(spec.roles()))
                .handler(r.handler()));
      }
      for (RouteTable.WsRoute r : table.wsRoutes()) {
        RouteSpec spec = r.spec();
        cfg.routes.ws(spec.path(), r.config(), spec.roles().toArray(new Role[0]));
      }
    });
  }

  /** The complete route table of these dependencies: core, modules and the docs routes. */
  public static RouteTable routeTable(ApiDependencies deps) {
    RouteTable table = new RouteTable();
    new HealthController(deps.health()).registerRoutes(table);
    new TokenController(deps.tokens()).registerRoutes(table);
    new BuildingController(deps.registry()).registerRoutes(table);
    new RoomController(deps.registry()).registerRoutes(table);
    new SensorController(deps.registry()).registerRoutes(table);
    deps.modules().forEach(m -> m.registerRoutes(table));
    new DocsController(table).registerRoutes(table);
    return table;
  }

  private static void configure(JavalinConfig cfg, ApiConfig config) {
    cfg.startup.showJavalinBanner = false;
    cfg.startup.showOldJavalinVersionWarning = false;
    cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
    cfg.http.maxRequestSize = config.maxBodyBytes();
    cfg.http.prefer405over404 = true;
    cfg.http.asyncTimeout = config.requestTimeout().toMillis();
    cfg.router.ignoreTrailingSlashes = true;
    cfg.jetty.modifyHttpConfiguration(http -> http.setIdleTimeout(config.requestTimeout().toMillis()));
    if (ApiServer.class.getResource(DASHBOARD_RESOURCES) != null) {
      cfg.staticFiles.add(sf -> {
        sf.hostedPath = "/";
        sf.directory = DASHBOARD_RESOURCES;
        sf.location = Location.CLASSPATH;
      });
    }
    if (ApiServer.class.getResource(DocsController.ASSETS_RESOURCES) != null) {
      cfg.staticFiles.add(sf -> {
        sf.hostedPath = DocsController.ASSETS_PATH;
        sf.directory = DocsController.ASSETS_RESOURCES;
        sf.location = Location.CLASSPATH;
      });
    }
  }
}
