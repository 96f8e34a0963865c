package io.voltstream.api.route;

/**
 * A resource's HTTP (and WebSocket) routes: each resource package has one controller implementing
 * this, which declares its routes with roles and docs in the shared {@link RouteTable}. The
 * composition root ({@code io.voltstream.api.ApiServer}) lists them; nothing else registers routes.
 *
 * <pre>{@code
 * public final class ForecastController implements ResourceRoutes {
 *   public void registerRoutes(RouteTable routes) {
 *     routes.get("/api/v1/forecast/consumption", this::consumption).anyRole().tag("Forecast");
 *   }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface ResourceRoutes {
  void registerRoutes(RouteTable routes);
}
