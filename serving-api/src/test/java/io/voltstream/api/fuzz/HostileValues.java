package io.voltstream.api.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;

/**
 * Hostile JSON values and path/query strings for the OpenAPI-driven request fuzzer: huge, negative
 * and non-finite-looking numbers, unicode, control characters, traversal and InfluxQL injection
 * attempts. No value contains the words the test looks for in answers (exception class names, stack
 * frames), so a hit is always the server's own text.
 */
final class HostileValues {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** Strings that try to escape a path, an InfluxQL literal or a regex, or break encodings. */
  static final List<String> STRINGS =
      List.of(
          "",
          " ",
          "a",
          "Zürich-Straße 北京 🔋⚡",
          "\u0000",
          "\u202e\u200b\ufeff",
          "../../../../etc/passwd",
          "..\\..\\windows\\win.ini",
          "x' OR '1'='1",
          "x\" OR \"1\"=\"1",
          "'; DROP MEASUREMENT room_metrics; --",
          "x\" /^.*$/ --",
          "sensor_id =~ /.*/",
          "${jndi:ldap://127.0.0.1/a}",
          "<script>alert(1)</script>",
          "%s%s%s%n",
          "NaN",
          "Infinity",
          "-1",
          "1e400",
          "2026-13-45T25:61:61Z",
          "+999999999-12-31T23:59:59Z",
          "-999999999-01-01T00:00:00Z",
          "P-9999999999D",
          "PT-1S",
          "null",
          "true",
          "\n\r\t",
          "🔋".repeat(300),
          "x".repeat(10_000));

  /** Numbers at and beyond the edges of int, long and double. */
  static final List<JsonNode> NUMBERS =
      List.of(
          F.numberNode(0),
          F.numberNode(-1),
          F.numberNode(Integer.MAX_VALUE),
          F.numberNode(Integer.MIN_VALUE),
          F.numberNode(Long.MAX_VALUE),
          F.numberNode(Long.MIN_VALUE),
          F.numberNode(new BigInteger("99999999999999999999999999999999")),
          F.numberNode(-0.0),
          F.numberNode(1e-320),
          F.numberNode(-1e308),
          F.numberNode(Double.MAX_VALUE),
          F.numberNode(new BigDecimal("1e400")),
          F.numberNode(new BigDecimal("-1e400")),
          F.numberNode(0.1),
          F.numberNode(123456.789));

  /** Path segments, already percent-encoded where the raw form could not be sent. */
  static final List<String> PATH_SEGMENTS =
      List.of(
          "fz-probe",
          "..",
          ".",
          "..%2F..%2Fetc%2Fpasswd",
          "%2e%2e%2f%2e%2e%2f",
          "x'%20OR%20'1'%3D'1",
          "x%22%3B%20DROP%20MEASUREMENT%20room_metrics",
          "%2F.*%2F",
          "Z%C3%BCrich%F0%9F%94%8B",
          "%00",
          "%FF%FE",
          "%25",
          "a%0Ab",
          "-1",
          "0",
          "99999999999999999999999",
          "x".repeat(300),
          "NaN");

  private HostileValues() {}

  static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  static JsonNode string(Random random) {
    return F.textNode(pick(random, STRINGS));
  }

  static JsonNode number(Random random) {
    return pick(random, NUMBERS);
  }

  /** Any JSON value of a random type, for wrong-type mutations. */
  static JsonNode anyType(Random random) {
    switch (random.nextInt(6)) {
      case 0:
        return string(random);
      case 1:
        return number(random);
      case 2:
        return F.booleanNode(random.nextBoolean());
      case 3:
        return F.nullNode();
      case 4:
        return F.arrayNode().add(string(random)).add(number(random));
      default:
        return F.objectNode().set("nested", string(random));
    }
  }

  /** A query value: mostly hostile, sometimes plausible, always percent-encoded. */
  static String queryValue(Random random, String type, String format) {
    String raw;
    int roll = random.nextInt(10);
    if (roll < 3) {
      raw = pick(random, STRINGS);
    } else if (roll < 5) {
      raw = pick(random, NUMBERS).asText();
    } else if ("date-time".equals(format)) {
      raw = random.nextBoolean() ? "2026-11-30T00:00:00Z" : "1970-01-01T00:00:00Z";
    } else if ("integer".equals(type) || "number".equals(type)) {
      raw = Integer.toString(random.nextInt(2000) - 1000);
    } else if ("boolean".equals(type)) {
      raw = random.nextBoolean() ? "true" : "yes";
    } else {
      raw = pick(random, List.of("1h", "-1h", "now-1h", "fz-probe", "15m", "99999d"));
    }
    return java.net.URLEncoder.encode(raw, java.nio.charset.StandardCharsets.UTF_8);
  }
}
