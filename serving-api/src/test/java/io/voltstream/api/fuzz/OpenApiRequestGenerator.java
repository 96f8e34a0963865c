package io.voltstream.api.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Turns an OpenAPI 3.1 document into hostile HTTP requests: for each operation, path parameters
 * from a pool of traversal/injection/unicode segments (and ids the run created), documented query
 * parameters with hostile or plausible values, and request bodies built from the operation's
 * schema, then broken: wrong types, missing, null and extra fields, huge and negative numbers,
 * malformed JSON, invalid UTF-8, deep nesting, bodies over the size limit, wrong media types.
 */
final class OpenApiRequestGenerator {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** One documented operation. */
  record Operation(String method, String path, JsonNode op) {
    String key() {
      return method + " " + path;
    }

    boolean hasJsonBody() {
      return op.path("requestBody").path("content").has("application/json");
    }
  }

  /** A generated request; {@code kind} says what was broken, for the failure report. */
  record FuzzRequest(
      Operation operation, String uri, String contentType, byte[] body, String kind) {
    String describe() {
      String shown =
          body == null
              ? "<no body>"
              : body.length > 300
                  ? body.length + " bytes"
                  : new String(body, StandardCharsets.UTF_8);
      return operation.method() + " " + uri + " [" + kind + "] body=" + shown;
    }
  }

  private final JsonNode doc;
  private final Random random;
  private final long maxBodyBytes;
  private final List<String> knownIds = new ArrayList<>();

  OpenApiRequestGenerator(JsonNode doc, Random random, long maxBodyBytes) {
    this.doc = doc;
    this.random = random;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** Every path × method of the document, WebSocket upgrades excluded (no HTTP answer to judge). */
  List<Operation> operations() {
    List<Operation> out = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
      while (methods.hasNext()) {
        Map.Entry<String, JsonNode> m = methods.next();
        if (m.getValue().path("description").asText().startsWith("WebSocket upgrade")) {
          continue;
        }
        out.add(new Operation(m.getKey().toUpperCase(Locale.ROOT), path.getKey(), m.getValue()));
      }
    }
    return out;
  }

  /** Remembers an id the API returned, so later requests reach existing resources too. */
  void learnId(String id) {
    if (id != null && id.matches("[A-Za-z0-9._-]{1,64}") && knownIds.size() < 200) {
      knownIds.add(id);
    }
  }

  FuzzRequest next(Operation operation) {
    String uri = pathWithParams(operation) + query(operation);
    if (!operation.hasJsonBody()) {
      boolean sendBody = !operation.method().equals("GET") && random.nextInt(4) == 0;
      return sendBody
          ? new FuzzRequest(operation, uri, "application/json", utf8("{\"x\":1}"), "stray body")
          : new FuzzRequest(operation, uri, null, null, "no body");
    }
    JsonNode schema = operation.op().at("/requestBody/content/application~1json/schema");
    int roll = random.nextInt(20);
    switch (roll) {
      case 0:
        return body(operation, uri, "application/json", huge(), "over the size limit");
      case 1:
        return body(operation, uri, "application/json", malformed(schema), "malformed JSON");
      case 2:
        return body(operation, uri, "application/json", invalidUtf8(schema), "invalid UTF-8");
      case 3:
        return body(operation, uri, "application/json", deepNesting(), "deep nesting");
      case 4:
        return body(operation, uri, "text/plain", json(build(schema, true, 0)), "wrong media");
      case 5:
        return body(
            operation,
            uri,
            "application/json",
            utf8(HostileValues.pick(random, List.of("", "null", "[]", "123", "\"s\"", "{}"))),
            "degenerate JSON");
      case 6:
      case 7:
      case 8:
        return body(operation, uri, "application/json", json(build(schema, true, 0)), "plausible");
      default:
        return body(
            operation, uri, "application/json", json(mutate(build(schema, false, 0))), "mutated");
    }
  }

  private FuzzRequest body(
      Operation operation, String uri, String contentType, byte[] body, String kind) {
    return new FuzzRequest(operation, uri, contentType, body, kind);
  }

  private String pathWithParams(Operation operation) {
    StringBuilder out = new StringBuilder();
    for (String segment : operation.path().split("/", -1)) {
      if (out.length() > 0 || !segment.isEmpty()) {
        out.append('/');
      }
      if (segment.startsWith("{") && segment.endsWith("}")) {
        boolean known = !knownIds.isEmpty() && random.nextInt(3) == 0;
        out.append(
            known
                ? HostileValues.pick(random, knownIds)
                : HostileValues.pick(random, HostileValues.PATH_SEGMENTS));
      } else {
        out.append(segment);
      }
    }
    return out.length() == 0 ? "/" : out.toString();
  }

  private String query(Operation operation) {
    List<String> pairs = new ArrayList<>();
    for (JsonNode p : operation.op().path("parameters")) {
      if (!p.path("in").asText().equals("query") || random.nextInt(10) < 3) {
        continue;
      }
      String value =
          HostileValues.queryValue(
              random, p.at("/schema/type").asText(), p.at("/schema/format").asText());
      pairs.add(p.path("name").asText() + "=" + value);
      if (random.nextInt(10) == 0) {
        pairs.add(p.path("name").asText() + "=" + value); // repeated parameter
      }
    }
    if (random.nextInt(8) == 0) {
      pairs.add("unexpected=" + HostileValues.queryValue(random, "string", ""));
    }
    return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
  }

  /** A value for {@code schema}: plausible (to get past validation) or hostile. */
  private JsonNode build(JsonNode schema, boolean plausible, int depth) {
    JsonNode s = resolve(schema);
    if (s.has("enum")) {
      return plausible || random.nextInt(3) > 0
          ? HostileValues.pick(random, list(s.get("enum")))
          : HostileValues.string(random);
    }
    String type = s.path("type").asText("object");
    String format = s.path("format").asText("");
    switch (type) {
      case "string":
        if (!plausible) {
          return HostileValues.string(random);
        }
        if (format.equals("date-time")) {
          return F.textNode(java.time.Instant.now().plusSeconds(random.nextInt(7200)).toString());
        }
        if (format.equals("duration")) {
          return F.textNode("PT15M");
        }
        return !knownIds.isEmpty() && random.nextBoolean()
            ? F.textNode(HostileValues.pick(random, knownIds)) // to reach past "unknown building"
            : F.textNode("fz-" + Integer.toString(random.nextInt(1 << 20), 36));
      case "integer":
        return plausible ? F.numberNode(random.nextInt(100)) : HostileValues.number(random);
      case "number":
        return plausible ? F.numberNode(random.nextDouble() * 100) : HostileValues.number(random);
      case "boolean":
        return F.booleanNode(random.nextBoolean());
      case "array":
        ArrayNode array = F.arrayNode();
        int n = depth > 3 ? 0 : random.nextInt(3);
        for (int i = 0; i < n; i++) {
          array.add(build(s.path("items"), plausible, depth + 1));
        }
        return array;
      default:
        ObjectNode object = F.objectNode();
        if (depth > 4) {
          return object;
        }
        Iterator<Map.Entry<String, JsonNode>> props = s.path("properties").fields();
        while (props.hasNext()) {
          Map.Entry<String, JsonNode> prop = props.next();
          object.set(prop.getKey(), build(prop.getValue(), plausible, depth + 1));
        }
        return object;
    }
  }

  /** Breaks a generated body: a field missing, null, of another type, or an extra field. */
  private JsonNode mutate(JsonNode node) {
    if (!(node instanceof ObjectNode object) || object.isEmpty()) {
      return random.nextBoolean() ? node : HostileValues.anyType(random);
    }
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    int mutations = 1 + random.nextInt(3);
    for (int i = 0; i < mutations; i++) {
      String name = HostileValues.pick(random, names);
      switch (random.nextInt(5)) {
        case 0 -> object.remove(name);
        case 1 -> object.putNull(name);
        case 2 -> object.set(name, HostileValues.anyType(random));
        case 3 -> object.set("extra_" + i, HostileValues.anyType(random));
        default -> object.set(name, mutate(object.path(name).deepCopy()));
      }
    }
    return object;
  }

  private byte[] malformed(JsonNode schema) {
    String text = build(schema, true, 0).toString();
    switch (random.nextInt(4)) {
      case 0:
        return utf8(text.substring(0, random.nextInt(Math.max(1, text.length()))));
      case 1:
        return utf8(text + ",");
      case 2:
        return utf8(text.replaceFirst(":", ""));
      default:
        byte[] bytes = utf8(text);
        bytes[random.nextInt(bytes.length)] = (byte) "{}[]\":,x\\".charAt(random.nextInt(9));
        return bytes;
    }
  }

  private byte[] invalidUtf8(JsonNode schema) {
    byte[] text = utf8(build(schema, true, 0).toString());
    byte[] out = java.util.Arrays.copyOf(text, text.length + 2);
    out[out.length - 2] = (byte) 0xC3;
    out[out.length - 1] = (byte) 0x28;
    if (text.length > 4) { // and one inside a string value when there is room
      out[text.length / 2] = (byte) 0xFF;
    }
    return out;
  }

  private byte[] deepNesting() {
    int depth = 2_000 + random.nextInt(20_000);
    return utf8("[".repeat(depth) + "]".repeat(depth));
  }

  private byte[] huge() {
    int size = (int) Math.min(Integer.MAX_VALUE - 16, maxBodyBytes + 1 + random.nextInt(4096));
    StringBuilder sb = new StringBuilder(size + 16).append("{\"name\":\"");
    sb.append("x".repeat(size));
    return utf8(sb.append("\"}").toString());
  }

  private JsonNode resolve(JsonNode schema) {
    JsonNode s = schema;
    for (int i = 0; i < 10 && s.has("$ref"); i++) {
      s = doc.at(s.get("$ref").asText().substring(1));
    }
    return s;
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }

  private static byte[] json(JsonNode node) {
    return utf8(node.toString());
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
