package io.voltstream.sim.payload;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.voltstream.model.SensorReading;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Encodes a reading as the MQTT device payload of design §3: {@code sensor_id}, {@code timestamp}
 * (epoch ms), {@code room}, {@code sensor_type} and one {@code {"value", "unit"}} object per metric
 * present, in the device's {@link UnitStyle}.
 *
 * <pre>{@code
 * byte[] json = ReadingPayload.encode(reading, UnitStyle.METRIC_WH);
 * }</pre>
 */
public final class ReadingPayload {
  private static final JsonFactory FACTORY = new JsonFactory();

  private ReadingPayload() {}

  /** UTF-8 JSON of one reading object. */
  public static byte[] encode(SensorReading r, UnitStyle units) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(320);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      write(g, r, units);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode reading " + r.readingId(), e);
    }
    return out.toByteArray();
  }

  private static void write(JsonGenerator g, SensorReading r, UnitStyle units) throws IOException {
    g.writeStartObject();
    g.writeStringField("sensor_id", r.sensorId());
    g.writeNumberField("timestamp", r.timestamp().toEpochMilli());
    if (r.room() != null) {
      g.writeStringField("room", r.room());
    }
    g.writeStringField("sensor_type", r.sensorType().wireName());
    metric(
        g,
        "energy",
        r.energyKwh() == null ? null : units.energy(r.energyKwh()),
        units.energyUnit());
    metric(g, "power", r.powerW() == null ? null : units.power(r.powerW()), units.powerUnit());
    metric(g, "co2", r.co2Ppm(), "ppm");
    metric(
        g,
        "temperature",
        r.temperatureC() == null ? null : units.temperature(r.temperatureC()),
        units.temperatureUnit());
    metric(g, "humidity", r.humidityPercent(), "%");
    metric(g, "voltage", r.voltageV(), "V");
    metric(
        g,
        "generation",
        r.generationKwh() == null ? null : units.energy(r.generationKwh()),
        units.energyUnit());
    g.writeEndObject();
  }

  private static void metric(JsonGenerator g, String name, Double value, String unit)
      throws IOException {
    if (value == null) {
      return;
    }
    g.writeObjectFieldStart(name);
    g.writeNumberField("value", value);
    g.writeStringField("unit", unit);
    g.writeEndObject();
  }
}
