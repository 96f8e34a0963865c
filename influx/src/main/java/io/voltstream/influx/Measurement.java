package io.voltstream.influx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One InfluxDB measurement: its name, what its timestamp means, who writes it, and its tags and
 * fields in the order they are declared. A measurement is declared once, as a subclass in {@link
 * Schema} whose {@code public final} {@link Tag}/{@link Field} members are created with {@link
 * #tag} and {@link #field}; writers, readers and the README table all take the names from there.
 *
 * <pre>{@code
 * public static final class BatteryState extends Measurement {
 *   public final Tag battery = tag("battery", "battery id");
 *   public final Field socPercent = field("soc_percent", Field.Type.FLOAT, "%", "state of charge");
 *   BatteryState() { super("battery_state", "event time", "battery job"); }
 * }
 * }</pre>
 */
public abstract class Measurement {
  private final String name;
  private final String time;
  private final String writtenBy;
  private final List<Tag> tags = new ArrayList<>();
  private final List<Field> fields = new ArrayList<>();

  /**
   * @param name the measurement name, a plain identifier
   * @param time what the point's timestamp is (e.g. {@code event time}), for the docs
   * @param writtenBy the component writing it, for the docs
   */
  protected Measurement(String name, String time, String writtenBy) {
    this.name = InfluxQuery.requireIdentifier("measurement", name);
    this.time = time;
    this.writtenBy = writtenBy;
  }

  /** Declares a tag; call it in a field initialiser so declaration order is table order. */
  protected final Tag tag(String key, String description) {
    Tag tag = new Tag(key, description);
    tags.add(tag);
    return tag;
  }

  /** Declares a field; call it in a field initialiser so declaration order is table order. */
  protected final Field field(String key, Field.Type type, String unit, String description) {
    Field field = new Field(key, type, unit, description);
    fields.add(field);
    return field;
  }

  public final String name() {
    return name;
  }

  public final String time() {
    return time;
  }

  public final String writtenBy() {
    return writtenBy;
  }

  public final List<Tag> tags() {
    return Collections.unmodifiableList(tags);
  }

  public final List<Field> fields() {
    return Collections.unmodifiableList(fields);
  }

  @Override
  public final String toString() {
    return name;
  }
}
