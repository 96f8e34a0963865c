package io.voltstream.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.voltstream.model.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Hostile MQTT messages for every topic ingest reads (design §3): readings (single and batches),
 * battery states and command acknowledgements, built valid and then mutated (bit flips, inserted
 * and deleted bytes, truncation, wrong types, huge/negative/NaN/Infinity numbers, deep nesting,
 * huge strings, invalid UTF-8, unicode, missing/extra/duplicate fields, wrong topic ids), plus pure
 * random bytes. Every message's topic id carries its sequence number ({@code fz-000042}) so each
 * record it produces can be traced back to it.
 */
final class MqttPayloadFuzzer {
  /** A message to publish. */
  record FuzzMessage(
      int seq,
      String topic,
      byte[] payload,
      String kind,
      int batchSize,
      List<Instant> validTimestamps,
      boolean syntaxBroken) {}

  private static final List<String> SENSOR_TYPES =
      List.of("energy", "power", "co2", "temperature", "humidity", "multi", "pv", "battery");
  private static final String[][] METRICS = {
    {"energy", "Wh", "kWh"},
    {"power", "W", "kW"},
    {"co2", "ppm"},
    {"temperature", "C", "°C", "F", "K"},
    {"humidity", "%"},
    {"voltage", "V"},
    {"generation", "Wh", "kWh"}
  };
  private static final List<String> HOSTILE_TOKENS =
      List.of(
          "NaN",
          "Infinity",
          "-Infinity",
          "1e400",
          "-1e400",
          "9223372036854775808",
          "-9223372036854775809",
          "1e-400",
          "-0",
          "0.0000000000000000000000001",
          "99999999999999999999999999999999999999",
          "-1",
          "\"NaN\"",
          "\"750\"",
          "true",
          "null",
          "[]",
          "{}",
          "\"\"",
          "\"\\u0000\"",
          "\"Zürich 北京 🔋 \\u202e\\u200b\"",
          "\"" + "x".repeat(30_000) + "\"");

  private final Random random;
  private final Instant base;

  MqttPayloadFuzzer(Random random, Instant base) {
    this.random = random;
    this.base = base;
  }

  static String id(int seq) {
    return String.format("fz-%06d", seq);
  }

  /** Message {@code seq}: the kind is drawn from the mix below. */
  FuzzMessage next(int seq) {
    int roll = random.nextInt(100);
    if (roll < 32) {
      return single(seq);
    }
    if (roll < 50) {
      return batch(seq, false);
    }
    if (roll < 53) {
      return batch(seq, true);
    }
    if (roll < 66) {
      return device(seq, "batteries/" + id(seq) + "/state", batteryState(seq), "battery state");
    }
    if (roll < 79) {
      String root = random.nextBoolean() ? "batteries/" : "devices/";
      return device(seq, root + id(seq) + "/acks", ack(), "ack");
    }
    if (roll < 92) {
      return randomBytes(seq);
    }
    return wrongTopicId(seq);
  }

  private FuzzMessage single(int seq) {
    ObjectNode reading = reading(seq, 0);
    if (random.nextInt(10) == 0) {
      return message(seq, readingTopic(seq), bytes(reading), "valid reading", 0, List.of(), false);
    }
    return message(seq, readingTopic(seq), mutate(reading), "mutated reading", 0, List.of(), false);
  }

  /**
   * A batch mixing valid and semantically broken elements (each element judged on its own), or,
   * when {@code syntaxBroken}, valid elements with one element's JSON cut short (the whole message
   * is rejected: the array cannot be trusted).
   */
  private FuzzMessage batch(int seq, boolean syntaxBroken) {
    int size = 2 + random.nextInt(11);
    List<String> elements = new ArrayList<>();
    List<Instant> valid = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      ObjectNode reading = reading(seq, i);
      if (syntaxBroken || random.nextBoolean()) {
        valid.add(timestampOf(reading));
        elements.add(reading.toString());
      } else {
        elements.add(semanticallyBroken(reading));
      }
    }
    if (syntaxBroken) {
      int broken = random.nextInt(size);
      String text = elements.get(broken);
      elements.set(broken, text.substring(0, text.length() - 1)); // drop the closing brace
    }
    return message(
        seq,
        readingTopic(seq),
        utf8("[" + String.join(",", elements) + "]"),
        syntaxBroken ? "syntax-broken batch" : "mixed batch",
        size,
        valid,
        syntaxBroken);
  }

  private FuzzMessage device(int seq, String topic, ObjectNode payload, String kind) {
    return random.nextInt(10) == 0
        ? message(seq, topic, bytes(payload), "valid " + kind, 0, List.of(), false)
        : message(seq, topic, mutate(payload), "mutated " + kind, 0, List.of(), false);
  }

  private FuzzMessage randomBytes(int seq) {
    byte[] payload =
        new byte[random.nextInt(20) == 0 ? random.nextInt(100_000) : random.nextInt(256)];
    random.nextBytes(payload);
    String[] topics = {
      readingTopic(seq),
      "batteries/" + id(seq) + "/state",
      "batteries/" + id(seq) + "/acks",
      "devices/" + id(seq) + "/acks"
    };
    return message(
        seq, topics[random.nextInt(topics.length)], payload, "random bytes", 0, List.of(), false);
  }

  /** A valid payload on a topic whose id breaks the id rule (the id still carries the seq). */
  private FuzzMessage wrongTopicId(int seq) {
    String id =
        id(seq) + new String[] {":x", " x", "ü", "~", "!", "-" + "x".repeat(60)}[random.nextInt(6)];
    String[] topics = {
      "sensors/" + id + "/readings",
      "batteries/" + id + "/state",
      "batteries/" + id + "/acks",
      "devices/" + id + "/acks"
    };
    ObjectNode reading = reading(seq, 0);
    reading.put("sensor_id", id);
    return message(
        seq,
        topics[random.nextInt(topics.length)],
        bytes(reading),
        "wrong topic id",
        0,
        List.of(),
        false);
  }

  private ObjectNode reading(int seq, int index) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("sensor_id", id(seq));
    Instant at = base.plusSeconds(seq).plusMillis(index);
    if (random.nextInt(4) == 0) {
      node.put("timestamp", at.toString());
    } else {
      node.put("timestamp", at.toEpochMilli());
    }
    if (random.nextBoolean()) {
      node.put("room", "room-" + random.nextInt(20));
    }
    node.put("sensor_type", SENSOR_TYPES.get(random.nextInt(SENSOR_TYPES.size())));
    int metrics = 1 + random.nextInt(METRICS.length);
    for (int i = 0; i < metrics; i++) {
      String[] m = METRICS[random.nextInt(METRICS.length)];
      node.putObject(m[0]).put("value", 1 + random.nextInt(90)).put("unit", m[1]);
    }
    return node;
  }

  private ObjectNode batteryState(int seq) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("soc_percent", random.nextInt(101));
    node.put("power_w", random.nextInt(20_000) - 10_000);
    node.put("timestamp", base.plusSeconds(seq).toEpochMilli());
    node.put("capacity_kwh", 13.5);
    node.put("max_charge_w", 5000);
    node.put("max_discharge_w", 5000);
    node.put("soh_percent", 97);
    node.put("mode", new String[] {"charge", "discharge", "idle", "auto"}[random.nextInt(4)]);
    return node;
  }

  private ObjectNode ack() {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("command_id", UUID.nameUUIDFromBytes(longBytes()).toString());
    node.put("status", random.nextBoolean() ? "applied" : "rejected");
    if (random.nextBoolean()) {
      node.put("reason", "manual override");
    }
    return node;
  }

  /** An element that is still valid JSON but breaks a field rule (or, rarely, breaks none). */
  private String semanticallyBroken(ObjectNode reading) {
    return applyTreeMutation(reading);
  }

  /** A mutation at the byte level (any result) or at the JSON level (still parseable JSON). */
  private byte[] mutate(ObjectNode node) {
    int roll = random.nextInt(10);
    if (roll < 5) {
      return utf8(applyTreeMutation(node));
    }
    byte[] bytes = bytes(node);
    return switch (roll) {
      case 5 -> flipBits(bytes);
      case 6 -> insertBytes(bytes);
      case 7 -> deleteBytes(bytes);
      case 8 -> invalidUtf8(bytes);
      default -> utf8(deepNesting(node));
    };
  }

  /** Replaces, removes, nulls or adds fields; returns the JSON text. */
  private String applyTreeMutation(ObjectNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    String target = names.get(random.nextInt(names.size()));
    String marker = "\"__fz_token__\"";
    switch (random.nextInt(8)) {
      case 0 -> node.remove(target);
      case 1 -> node.putNull(target);
      case 2 ->
          node.put("extra_" + random.nextInt(100), "\u0000🔋" + "x".repeat(random.nextInt(50)));
      case 3 -> node.put("sensor_id", "someone-else");
      case 4 -> node.put(target, marker);
      case 5 -> metricValue(node, marker);
      case 6 -> node.put("timestamp", hostileTimestamp());
      default -> {
        String text = node.toString();
        // the same key twice (ambiguous): the last field again with another value
        return text.substring(0, text.length() - 1) + ",\"" + target + "\":1}";
      }
    }
    String token = HOSTILE_TOKENS.get(random.nextInt(HOSTILE_TOKENS.size()));
    return node.toString().replace(marker, token);
  }

  private void metricValue(ObjectNode node, String marker) {
    for (String[] m : METRICS) {
      JsonNode metric = node.get(m[0]);
      if (metric instanceof ObjectNode object) {
        if (random.nextBoolean()) {
          object.put("value", marker);
        } else {
          object.put("unit", random.nextBoolean() ? "w" : "°X");
        }
        return;
      }
    }
    node.put("power_w", marker); // battery state / ack: a numeric field
  }

  private String hostileTimestamp() {
    return new String[] {
          "2026-13-45T25:61:61Z",
          "1970-01-01T00:00:00Z",
          "+999999999-12-31T23:59:59Z",
          base.plusSeconds(86_400 * 3).toString(),
          "1764201600",
          "2026-11-30T12:00:00",
          "",
          "yesterday"
        }
        [random.nextInt(8)];
  }

  private byte[] flipBits(byte[] bytes) {
    byte[] out = bytes.clone();
    for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
      out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
    }
    return out;
  }

  private byte[] insertBytes(byte[] bytes) {
    int at = random.nextInt(bytes.length + 1);
    byte[] extra = new byte[1 + random.nextInt(8)];
    random.nextBytes(extra);
    byte[] out = new byte[bytes.length + extra.length];
    System.arraycopy(bytes, 0, out, 0, at);
    System.arraycopy(extra, 0, out, at, extra.length);
    System.arraycopy(bytes, at, out, at + extra.length, bytes.length - at);
    return out;
  }

  private byte[] deleteBytes(byte[] bytes) {
    int from = random.nextInt(bytes.length);
    int to = Math.min(bytes.length, from + 1 + random.nextInt(bytes.length - from));
    byte[] out = new byte[bytes.length - (to - from)];
    System.arraycopy(bytes, 0, out, 0, from);
    System.arraycopy(bytes, to, out, from, bytes.length - to);
    return out;
  }

  private byte[] invalidUtf8(byte[] bytes) {
    byte[] out = bytes.clone();
    byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}};
    byte[] b = bad[random.nextInt(bad.length)];
    int at = random.nextInt(Math.max(1, out.length - b.length));
    System.arraycopy(b, 0, out, at, b.length);
    return out;
  }

  private String deepNesting(ObjectNode node) {
    // just under and over Jackson's nesting limit (1,000)
    int depth = random.nextBoolean() ? 500 + random.nextInt(499) : 1_001 + random.nextInt(3_000);
    String text = node.toString();
    return text.substring(0, text.length() - 1)
        + ",\"deep\":"
        + "[".repeat(depth)
        + "]".repeat(depth)
        + "}";
  }

  private byte[] longBytes() {
    byte[] b = new byte[8];
    random.nextBytes(b);
    return b;
  }

  private static Instant timestampOf(ObjectNode reading) {
    JsonNode t = reading.get("timestamp");
    return t.isTextual() ? Instant.parse(t.asText()) : Instant.ofEpochMilli(t.asLong());
  }

  private static String readingTopic(int seq) {
    return "sensors/" + id(seq) + "/readings";
  }

  private static FuzzMessage message(
      int seq,
      String topic,
      byte[] payload,
      String kind,
      int batchSize,
      List<Instant> valid,
      boolean syntaxBroken) {
    return new FuzzMessage(seq, topic, payload, kind, batchSize, valid, syntaxBroken);
  }

  private static byte[] bytes(JsonNode node) {
    return utf8(node.toString());
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
