package io.voltstream.api.route;

import io.javalin.router.EndpointMetadata;
import io.voltstream.api.auth.Role;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything the API knows about one route besides its handler: who may call it and how it is
 * documented. Attached to the Javalin endpoint as metadata, so the single access check and the
 * OpenAPI generator read the same declaration.
 *
 * @param access {@link Access#ROLES} (roles must be non-empty), {@link Access#PUBLIC}, or {@link
 *     Access#HANDLER} (the handler authenticates itself, e.g. the WebSocket)
 * @param requestBody the JSON body type (null: no body); JSON routes answer 415 to other media
 *     types
 * @param produces response media type of the 2xx answer
 */
public record RouteSpec(
    String method,
    String path,
    Access access,
    Set<Role> roles,
    String summary,
    String description,
    String tag,
    List<Param> params,
    Type requestBody,
    List<Response> responses,
    String produces)
    implements EndpointMetadata {

  /** How a route is protected. */
  public enum Access {
    ROLES,
    PUBLIC,
    HANDLER
  }

  /** A path or query parameter. {@code in} is {@code path} or {@code query}. */
  public record Param(
      String name, String in, Class<?> type, boolean required, String description) {}

  /** A documented answer; {@code body} null means no body or unknown shape. */
  public record Response(int status, Type body, String description) {}

  private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}/]+)}");

  public RouteSpec {
    roles = Set.copyOf(roles);
    params = List.copyOf(params);
    responses = List.copyOf(responses);
  }

  /** Names of the {@code {param}} segments of the path, in order. */
  public List<String> pathParamNames() {
    Matcher m = PATH_PARAM.matcher(path);
    java.util.ArrayList<String> names = new java.util.ArrayList<>();
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  public boolean isJsonBodyRoute() {
    return requestBody != null;
  }

  public boolean isWebSocket() {
    return "WS".equals(method);
  }
}
