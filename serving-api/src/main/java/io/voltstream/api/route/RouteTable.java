package io.voltstream.api.route;

import io.javalin.http.Handler;
import io.javalin.websocket.WsConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The API's route table: every controller registers its routes here with roles and documentation;
 * {@link io.voltstream.api.ApiServer} turns the table into Javalin endpoints (roles attached as
 * metadata for the one access check) and into {@code /openapi.json}. Registering a route anywhere
 * else would leave it unprotected and undocumented, so don't.
 */
public final class RouteTable {

  /** A registered HTTP route: its declaration and handler. */
  public record HttpRoute(RouteBuilder builder, Handler handler) {
    public RouteSpec spec() {
      return builder.build();
    }
  }

  /** A registered WebSocket route. */
  public record WsRoute(RouteBuilder builder, Consumer<WsConfig> config) {
    public RouteSpec spec() {
      return builder.build();
    }
  }

  private final List<HttpRoute> http = new ArrayList<>();
  private final List<WsRoute> ws = new ArrayList<>();

  public RouteBuilder get(String path, Handler handler) {
    return add("GET", path, handler);
  }

  public RouteBuilder post(String path, Handler handler) {
    return add("POST", path, handler);
  }

  public RouteBuilder put(String path, Handler handler) {
    return add("PUT", path, handler);
  }

  public RouteBuilder patch(String path, Handler handler) {
    return add("PATCH", path, handler);
  }

  public RouteBuilder delete(String path, Handler handler) {
    return add("DELETE", path, handler);
  }

  /** A WebSocket route (documented in OpenAPI as a GET upgrade). */
  public RouteBuilder ws(String path, Consumer<WsConfig> config) {
    RouteBuilder b = new RouteBuilder("WS", path);
    ws.add(new WsRoute(b, config));
    return b;
  }

  private RouteBuilder add(String method, String path, Handler handler) {
    RouteBuilder b = new RouteBuilder(method, path);
    http.add(new HttpRoute(b, handler));
    return b;
  }

  public List<HttpRoute> httpRoutes() {
    return List.copyOf(http);
  }

  public List<WsRoute> wsRoutes() {
    return List.copyOf(ws);
  }

  /**
   * Every route's declaration, HTTP then WebSocket; fails when a route lacks its access rule or
   * when two resources register the same method and path.
   */
  public List<RouteSpec> specs() {
    List<RouteSpec> out = new ArrayList<>();
    http.forEach(r -> out.add(r.builder().build()));
    ws.forEach(r -> out.add(r.builder().build()));
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (RouteSpec s : out) {
      String key = s.method() + " " + s.path().replaceAll("\\{[^}]+}", "{}");
      if (!seen.add(key)) {
        throw new IllegalStateException(s.method() + " " + s.path() + " is registered twice");
      }
    }
    return out;
  }
}
