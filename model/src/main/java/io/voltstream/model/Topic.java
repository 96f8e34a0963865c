package io.voltstream.model;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The one declaration of a Kafka topic: its name, how keys and values are encoded, its partitions
 * and cleanup policy, and what it carries (for the README's topic table). Producers, consumers, the
 * provisioner and the docs all take these from {@link Topics}; Kafka and Flink adapters are built
 * from a {@code Topic} in the modules that depend on those libraries.
 *
 * @param partitions partitions when the provisioner creates the topic
 * @param key what the key is, e.g. "sensor id"
 * @param value what the value is, e.g. "{@code SensorReading} JSON"
 * @param writtenBy which deployables produce to it (documentation)
 * @param readBy which deployables consume it (documentation)
 * @param configs further Kafka topic configs the topic must have (e.g. {@code
 *     min.compaction.lag.ms}), applied at creation and aligned on existing topics by the Kafka
 *     admin; empty for the broker's defaults
 */
public record Topic<K, V>(
    String name,
    KeyCodec<K> keyCodec,
    ValueCodec<K, V> valueCodec,
    int partitions,
    Cleanup cleanup,
    String key,
    String value,
    String writtenBy,
    String readBy,
    Map<String, String> configs)
    implements Serializable {

  /** Kafka {@code cleanup.policy}. */
  public enum Cleanup {
    /** Time/size retention: an event log. */
    DELETE,
    /** Latest value per key survives; a null value (tombstone) deletes the key. */
    COMPACT
  }

  public Topic {
    if (name == null || !name.matches("[A-Za-z0-9._-]{1,249}")) {
      throw new IllegalArgumentException("not a Kafka topic name: " + name);
    }
    Objects.requireNonNull(keyCodec, "keyCodec");
    Objects.requireNonNull(valueCodec, "valueCodec");
    Objects.requireNonNull(cleanup, "cleanup");
    if (partitions < 1) {
      throw new IllegalArgumentException(name + ": partitions must be >= 1, got " + partitions);
    }
    configs = configs == null ? Map.of() : Map.copyOf(configs);
  }

  /**
   * A topic of UTF-8 text keys and {@link Json#MAPPER} JSON values of {@code valueType}: one
   * partition, deleting.
   */
  public static <V> Topic<String, V> json(String name, Class<V> valueType) {
    return new Topic<>(
        name,
        KeyCodec.utf8(),
        ValueCodec.json(valueType),
        1,
        Cleanup.DELETE,
        "",
        "",
        "",
        "",
        Map.of());
  }

  /** A topic of UTF-8 text keys whose values {@code codec} encodes. */
  public static <V> Topic<String, V> of(String name, ValueCodec<String, V> codec) {
    return new Topic<>(name, KeyCodec.utf8(), codec, 1, Cleanup.DELETE, "", "", "", "", Map.of());
  }

  public Topic<K, V> partitions(int n) {
    return new Topic<>(
        name, keyCodec, valueCodec, n, cleanup, key, value, writtenBy, readBy, configs);
  }

  /** Log-compacted: the latest value per key is kept, null values delete. */
  public Topic<K, V> compacted() {
    return new Topic<>(
        name,
        keyCodec,
        valueCodec,
        partitions,
        Cleanup.COMPACT,
        key,
        value,
        writtenBy,
        readBy,
        configs);
  }

  /** The documentation of the topic: what its keys and values are, who writes and who reads it. */
  public Topic<K, V> documented(String keyText, String valueText, String writers, String readers) {
    return new Topic<>(
        name,
        keyCodec,
        valueCodec,
        partitions,
        cleanup,
        keyText,
        valueText,
        writers,
        readers,
        configs);
  }

  /** With the Kafka topic config {@code key} = {@code value} (see {@link #configs()}). */
  public Topic<K, V> config(String configKey, String configValue) {
    Map<String, String> more = new HashMap<>(configs);
    more.put(configKey, configValue);
    return new Topic<>(
        name, keyCodec, valueCodec, partitions, cleanup, key, value, writtenBy, readBy, more);
  }

  public byte[] encodeKey(K k) {
    return keyCodec.encode(k);
  }

  public K decodeKey(byte[] bytes) {
    return keyCodec.decode(bytes);
  }

  /** The encoded value; null (a tombstone) stays null. */
  public byte[] encodeValue(V v) {
    return v == null ? null : valueCodec.encode(v);
  }

  public V decodeValue(K k, byte[] bytes) throws java.io.IOException {
    return valueCodec.decode(k, bytes);
  }

  @Override
  public String toString() {
    return name;
  }
}
