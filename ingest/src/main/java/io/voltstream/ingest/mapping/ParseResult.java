package io.voltstream.ingest.mapping;

import io.voltstream.model.SensorReading;
import java.util.List;

/**
 * What one MQTT message turned into: the valid readings (in payload order) and the rejections. A
 * message can yield both when a batch mixes good and bad elements.
 */
public record ParseResult(List<SensorReading> readings, List<Rejection> rejections) {

  public ParseResult {
    readings = List.copyOf(readings);
    rejections = List.copyOf(rejections);
  }

  /** A message rejected as a whole. */
  public static ParseResult rejected(Rejection rejection) {
    return new ParseResult(List.of(), List.of(rejection));
  }

  /** Number of Kafka records this message produces (readings plus dead letters). */
  public int recordCount() {
    return readings.size() + rejections.size();
  }
}
