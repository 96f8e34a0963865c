package io.voltstream.api;

import io.voltstream.api.route.RouteTable;

/**
 * A feature of the API (registry, tokens, queries, live socket, forecasts…): it registers its
 * routes, with roles and docs, in the shared {@link RouteTable}, and releases its resources
 * (consumers, clients) on {@link #close()}.
 *
 * <pre>{@code
 * public final class ForecastModule implements ApiModule {
 *   public void registerRoutes(RouteTable routes) {
 *     routes.get("/api/v1/forecast/consumption", controller::consumption).anyRole().tag("Forecast");
 *   }
 * }
 * }</pre>
 */
public interface ApiModule extends AutoCloseable {

  void registerRoutes(RouteTable routes);

  @Override
  default void close() {}

  /** Builds a module for the running app from the shared core services (see {@link ApiModules}). */
  @FunctionalInterface
  interface Factory {
    ApiModule create(CoreServices core) throws Exception;
  }
}
