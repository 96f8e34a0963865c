package io.voltstream.api.docs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.voltstream.api.auth.Role;
import io.voltstream.api.error.Problem;
import io.voltstream.api.route.RouteSpec;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the OpenAPI 3.1 document from the route table: every route with its method, path and query
 * parameters, roles (as {@code x-roles}, plus bearer security), request body and response schemas.
 * Authenticated routes also document 401/403/429; JSON-body routes 413/415.
 */
public final class OpenApiGenerator {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private OpenApiGenerator() {}

  public static ObjectNode generate(List<RouteSpec> specs, String version) {
    JsonSchemas schemas = new JsonSchemas();
    ObjectNode doc = F.objectNode().put("openapi", "3.1.0");
    doc.putObject("info")
        .put("title", "Voltstream API")
        .put("version", version)
        .put(
            "description",
            "Streaming energy management: registry, live data, analytics. "
                + "Send `Authorization: Bearer <JWT>`; roles per route are listed in `x-roles`.");
    ObjectNode paths = doc.putObject("paths");
    Map<String, ObjectNode> byPath = new LinkedHashMap<>();
    Set<String> tags = new LinkedHashSet<>();
    for (RouteSpec s : specs.stream().sorted(Comparator.comparing(RouteSpec::path)).toList()) {
      String openApiMethod =
          s.isWebSocket() ? "get" : s.method().toLowerCase(java.util.Locale.ROOT);
      ObjectNode pathItem = byPath.computeIfAbsent(s.path(), p -> paths.putObject(p));
      pathItem.set(openApiMethod, operation(s, schemas));
      if (s.tag() != null) {
        tags.add(s.tag());
      }
    }
    ArrayNode tagArray = doc.putArray("tags");
    tags.forEach(t -> tagArray.addObject().put("name", t));
    ObjectNode components = doc.putObject("components");
    ObjectNode schemaNode = components.putObject("schemas");
    schemas.components().forEach(schemaNode::set);
    components
        .putObject("securitySchemes")
        .putObject("bearer")
        .put("type", "http")
        .put("scheme", "bearer")
        .put("bearerFormat", "JWT");
    return doc;
  }

  private static ObjectNode operation(RouteSpec s, JsonSchemas schemas) {
    ObjectNode op = F.objectNode();
    op.put("operationId", operationId(s));
    if (s.summary() != null) {
      op.put("summary", s.summary());
    }
    String description = s.description() == null ? "" : s.description();
    if (s.isWebSocket()) {
      description = ("WebSocket upgrade. " + description).trim();
    }
    if (!description.isEmpty()) {
      op.put("description", description);
    }
    if (s.tag() != null) {
      op.putArray("tags").add(s.tag());
    }
    ArrayNode roles = op.putArray("x-roles");
    s.roles().stream().sorted().forEach(r -> roles.add(r.wireName()));
    op.put("x-access", s.access().name().toLowerCase(java.util.Locale.ROOT));
    if (s.access() == RouteSpec.Access.ROLES) {
      op.putArray("security").addObject().putArray("bearer");
    } else {
      op.putArray("security"); // explicitly public
    }
    if (!s.params().isEmpty()) {
      ArrayNode params = op.putArray("parameters");
      for (RouteSpec.Param p : s.params()) {
        ObjectNode pn =
            params
                .addObject()
                .put("name", p.name())
                .put("in", p.in())
                .put("required", p.required());
        if (p.description() != null) {
          pn.put("description", p.description());
        }
        pn.set("schema", schemas.schemaFor(p.type()));
      }
    }
    if (s.requestBody() != null) {
      ObjectNode body = op.putObject("requestBody").put("required", true);
      body.putObject("content")
          .putObject("application/json")
          .set("schema", schemas.schemaFor(s.requestBody()));
    }
    ObjectNode responses = op.putObject("responses");
    for (RouteSpec.Response r : s.responses()) {
      addResponse(
          responses,
          r.status(),
          r.description(),
          r.body(),
          r.status() < 300 ? s.produces() : mediaFor(r),
          schemas);
    }
    if (s.responses().stream().noneMatch(r -> r.status() < 300)) {
      addResponse(responses, 200, "success", null, s.produces(), schemas);
    }
    if (s.access() == RouteSpec.Access.ROLES) {
      addDefault(responses, 401, "missing, invalid, expired or revoked token", schemas);
      addDefault(
          responses,
          403,
          "the token's role is not one of "
              + s.roles().stream().sorted().map(Role::wireName).collect(Collectors.joining(", ")),
          schemas);
    }
    addDefault(responses, 429, "rate limit exceeded (see Retry-After)", schemas);
    if (s.requestBody() != null) {
      addDefault(responses, 400, "malformed JSON or invalid fields", schemas);
      addDefault(responses, 413, "body over the size limit", schemas);
      addDefault(responses, 415, "body is not application/json", schemas);
    }
    return op;
  }

  private static String mediaFor(RouteSpec.Response r) {
    return r.body() == Problem.class ? Problem.CONTENT_TYPE : "application/json";
  }

  private static void addDefault(
      ObjectNode responses, int status, String description, JsonSchemas schemas) {
    if (!responses.has(Integer.toString(status))) {
      addResponse(responses, status, description, Problem.class, Problem.CONTENT_TYPE, schemas);
    }
  }

  private static void addResponse(
      ObjectNode responses,
      int status,
      String description,
      java.lang.reflect.Type body,
      String media,
      JsonSchemas schemas) {
    ObjectNode r =
        responses
            .putObject(Integer.toString(status))
            .put("description", description == null ? "" : description);
    if (body != null) {
      r.putObject("content").putObject(media).set("schema", schemas.schemaFor(body));
    } else if (status < 300
        && status != 204
        && media != null
        && !media.equals("application/json")) {
      r.putObject("content").putObject(media).putObject("schema").put("type", "string");
    }
  }

  private static String operationId(RouteSpec s) {
    String cleaned =
        s.path()
            .replaceAll("^/api/v1", "")
            .replaceAll("[{}]", "")
            .replaceAll("[^A-Za-z0-9]+", "_")
            .replaceAll("(^_|_$)", "");
    return s.method().toLowerCase(java.util.Locale.ROOT)
        + (cleaned.isEmpty() ? "_root" : "_" + cleaned);
  }
}
