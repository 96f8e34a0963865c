package io.voltstream.api.route;

import io.voltstream.api.auth.Role;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Declares one route's roles and documentation, fluently, right where the controller registers it.
 * Nothing is registered with Javalin until {@link RouteTable#specs()} is read by the server, so the
 * order of calls does not matter.
 *
 * <pre>{@code
 * routes.get("/api/v1/rooms/{name}", this::getRoom)
 *     .roles(Role.ADMIN, Role.OPERATOR, Role.VIEWER)
 *     .tag("Rooms").summary("One room")
 *     .pathParam("name", "room name")
 *     .response(200, RoomResponse.class, "the room")
 *     .response(404, "no such room");
 * }</pre>
 */
public final class RouteBuilder {
  private final String method;
  private final String path;
  private RouteSpec.Access access;
  private final Set<Role> roles = EnumSet.noneOf(Role.class);
  private String summary;
  private String description;
  private String tag;
  private final List<RouteSpec.Param> params = new ArrayList<>();
  private Type requestBody;
  private final List<RouteSpec.Response> responses = new ArrayList<>();
  private String produces = "application/json";

  RouteBuilder(String method, String path) {
    this.method = method;
    this.path = path;
  }

  /** Roles allowed to call the route; anyone else gets 403 (401 without a valid token). */
  public RouteBuilder roles(Role... allowed) {
    this.access = RouteSpec.Access.ROLES;
    roles.addAll(List.of(allowed));
    return this;
  }

  /** Every role of the matrix may call it (still needs a valid token). */
  public RouteBuilder anyRole() {
    return roles(Role.values());
  }

  /** No token needed (health, docs, dashboard). */
  public RouteBuilder publicAccess() {
    this.access = RouteSpec.Access.PUBLIC;
    return this;
  }

  /** The handler authenticates by itself (WebSocket: token in query or first message). */
  public RouteBuilder authenticatedByHandler() {
    this.access = RouteSpec.Access.HANDLER;
    return this;
  }

  public RouteBuilder summary(String text) {
    this.summary = text;
    return this;
  }

  public RouteBuilder description(String text) {
    this.description = text;
    return this;
  }

  public RouteBuilder tag(String name) {
    this.tag = name;
    return this;
  }

  public RouteBuilder pathParam(String name, String text) {
    params.add(new RouteSpec.Param(name, "path", String.class, true, text));
    return this;
  }

  public RouteBuilder queryParam(String name, Class<?> type, boolean required, String text) {
    params.add(new RouteSpec.Param(name, "query", type, required, text));
    return this;
  }

  /** The route takes a JSON body of this type: documented, and non-JSON bodies get 415. */
  public RouteBuilder body(Type requestType) {
    this.requestBody = requestType;
    return this;
  }

  public RouteBuilder response(int status, Type bodyType, String text) {
    responses.add(new RouteSpec.Response(status, bodyType, text));
    return this;
  }

  public RouteBuilder response(int status, String text) {
    return response(status, null, text);
  }

  /** Media type of the success answer when it is not JSON (e.g. {@code text/csv}). */
  public RouteBuilder produces(String mediaType) {
    this.produces = mediaType;
    return this;
  }

  RouteSpec build() {
    if (access == null) {
      throw new IllegalStateException(
          method
              + " "
              + path
              + ": declare who may call it with .roles(...), .anyRole(), .publicAccess()"
              + " or .authenticatedByHandler()");
    }
    if (access == RouteSpec.Access.ROLES && roles.isEmpty()) {
      throw new IllegalStateException(
          method + " " + path + ": .roles(...) needs at least one role");
    }
    List<RouteSpec.Param> all = new ArrayList<>(params);
    RouteSpec probe =
        new RouteSpec(
            method,
            path,
            access,
            roles,
            summary,
            description,
            tag,
            List.of(),
            requestBody,
            List.of(),
            produces);
    for (String name : probe.pathParamNames()) {
      if (all.stream().noneMatch(p -> p.in().equals("path") && p.name().equals(name))) {
        all.add(new RouteSpec.Param(name, "path", String.class, true, null));
      }
    }
    return new RouteSpec(
        method,
        path,
        access,
        roles,
        summary,
        description,
        tag,
        all,
        requestBody,
        responses,
        produces);
  }
}
