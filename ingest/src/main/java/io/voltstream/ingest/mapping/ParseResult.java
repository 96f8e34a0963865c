package io.voltstream.ingest.mapping;

import io.voltstream.model.BatteryTelemetry;
import io.voltstream.model.SensorReading;
import io.voltstream.model.command.CommandAck;
import java.util.List;

/**
 * What one MQTT message turned into: the valid records (readings in payload order, or one battery
 * state, or one acknowledgement) and the rejections. A message can yield both when a batch mixes
 * good and bad elements.
 */
public record ParseResult(
    List<SensorReading> readings,
    List<BatteryTelemetry> batteryStates,
    List<CommandAck> acks,
    List<Rejection> rejections) {

  public ParseResult {
    readings = List.copyOf(readings);
    batteryStates = List.copyOf(batteryStates);
    acks = List.copyOf(acks);
    rejections = List.copyOf(rejections);
  }

  /** Readings and rejections of a readings message. */
  public ParseResult(List<SensorReading> readings, List<Rejection> rejections) {
    this(readings, List.of(), List.of(), rejections);
  }

  /** A message rejected as a whole. */
  public static ParseResult rejected(Rejection rejection) {
    return new ParseResult(List.of(), List.of(rejection));
  }

  static ParseResult batteryState(BatteryTelemetry state) {
    return new ParseResult(List.of(), List.of(state), List.of(), List.of());
  }

  static ParseResult ack(CommandAck ack) {
    return new ParseResult(List.of(), List.of(), List.of(ack), List.of());
  }

  /** Number of Kafka records this message produces (valid records plus dead letters). */
  public int recordCount() {
    return readings.size() + batteryStates.size() + acks.size() + rejections.size();
  }
}
