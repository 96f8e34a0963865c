package io.voltstream.api.docs;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON Schemas (OpenAPI 3.1 dialect) for the API's DTO records, derived by reflection with the same
 * snake_case naming as {@link io.voltstream.model.Json#MAPPER}. Records become named components
 * referenced with {@code $ref}; enums list their JSON values.
 */
final class JsonSchemas {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE =
      new PropertyNamingStrategies.SnakeCaseStrategy();

  private final Map<String, ObjectNode> components = new TreeMap<>();

  Map<String, ObjectNode> components() {
    return components;
  }

  ObjectNode schemaFor(Type type) {
    if (type instanceof Class<?> c) {
      return classSchema(c);
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
      Type[] args = p.getActualTypeArguments();
      if (Collection.class.isAssignableFrom(raw)) {
        return F.objectNode().put("type", "array").set("items", schemaFor(args[0]));
      }
      if (Map.class.isAssignableFrom(raw)) {
        return F.objectNode().put("type", "object").set("additionalProperties", schemaFor(args[1]));
      }
      return classSchema(raw);
    }
    if (type instanceof GenericArrayType g) {
      return F.objectNode()
          .put("type", "array")
          .set("items", schemaFor(g.getGenericComponentType()));
    }
    if (type instanceof WildcardType w) {
      return schemaFor(w.getUpperBounds()[0]);
    }
    return F.objectNode();
  }

  private ObjectNode classSchema(Class<?> c) {
    if (c == String.class || c == char.class || c == Character.class) {
      return F.objectNode().put("type", "string");
    }
    if (c == boolean.class || c == Boolean.class) {
      return F.objectNode().put("type", "boolean");
    }
    if (c == int.class
        || c == Integer.class
        || c == long.class
        || c == Long.class
        || c == short.class) {
      return F.objectNode().put("type", "integer");
    }
    if (c == double.class
        || c == Double.class
        || c == float.class
        || c == Float.class
        || Number.class.isAssignableFrom(c)) {
      return F.objectNode().put("type", "number");
    }
    if (c == Instant.class) {
      return F.objectNode().put("type", "string").put("format", "date-time");
    }
    if (c == Duration.class) {
      return F.objectNode().put("type", "string").put("format", "duration");
    }
    if (c.isArray()) {
      return F.objectNode().put("type", "array").set("items", schemaFor(c.getComponentType()));
    }
    if (c.isEnum()) {
      ArrayNode values = F.arrayNode();
      for (Object constant : c.getEnumConstants()) {
        values.add(io.voltstream.model.Json.MAPPER.valueToTree(constant));
      }
      return F.objectNode().put("type", "string").set("enum", values);
    }
    if (c.isRecord()) {
      String name = componentName(c);
      if (!components.containsKey(name)) {
        components.put(name, F.objectNode()); // placeholder breaks recursion
        ObjectNode props = F.objectNode();
        for (RecordComponent rc : c.getRecordComponents()) {
          // an explicit @JsonProperty name wins, as it does for Jackson
          var named =
              rc.getAccessor().getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
          String property =
              named != null && !named.value().isEmpty()
                  ? named.value()
                  : SNAKE.translate(rc.getName());
          props.set(property, schemaFor(rc.getGenericType()));
        }
        ObjectNode schema = F.objectNode().put("type", "object");
        schema.set("properties", props);
        components.put(name, schema);
      }
      return F.objectNode().put("$ref", "#/components/schemas/" + name);
    }
    if (Map.class.isAssignableFrom(c)) {
      return F.objectNode().put("type", "object");
    }
    if (Collection.class.isAssignableFrom(c)) {
      return F.objectNode().put("type", "array");
    }
    return F.objectNode().put("type", "object");
  }

  private static String componentName(Class<?> c) {
    String n = c.getSimpleName();
    Class<?> outer = c.getEnclosingClass();
    return outer == null ? n : outer.getSimpleName() + n;
  }
}
