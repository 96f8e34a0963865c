package io.voltstream.jobs.rules.logic;

import io.voltstream.jobs.roommetrics.logic.RoomReading;
import io.voltstream.model.SensorReading;
import io.voltstream.model.rules.RuleCondition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One reading as the rules see it: the metrics a rule can watch, under the subject a rule watches
 * ({@link #subject}: {@code room:<name>} or {@code sensor:<id>}, the key of the rules operator).
 * Every reading that carries a watchable metric becomes two samples, one for its
 * (registry-assigned) room and one for its sensor, so room rules aggregate all the room's sensors
 * and sensor rules only their sensor.
 *
 * @param subject the key: {@link #roomSubject} or {@link #sensorSubject}
 * @param room the assigned room of the reading
 * @param building the room's building
 * @param sensorId the sensor that measured it
 * @param at event time of the reading
 * @param co2Ppm CO2 [ppm], null when absent
 * @param temperatureC temperature [°C], null when absent
 * @param humidityPercent relative humidity [%], null when absent
 * @param powerW power [W], null when absent
 */
public record RuleSample(
    String subject,
    String room,
    String building,
    String sensorId,
    Instant at,
    Double co2Ppm,
    Double temperatureC,
    Double humidityPercent,
    Double powerW) {

  public static String roomSubject(String room) {
    return "room:" + room;
  }

  public static String sensorSubject(String sensorId) {
    return "sensor:" + sensorId;
  }

  /** The subject a rule's condition watches. */
  public static String subjectOf(RuleCondition c) {
    return c.room() != null ? roomSubject(c.room()) : sensorSubject(c.sensor());
  }

  /** The room and the sensor sample of a reading; none when it carries no watchable metric. */
  public static List<RuleSample> of(RoomReading r) {
    SensorReading s = r.reading();
    if (s.co2Ppm() == null
        && s.temperatureC() == null
        && s.humidityPercent() == null
        && s.powerW() == null) {
      return List.of();
    }
    List<RuleSample> out = new ArrayList<>(2);
    for (String subject : List.of(roomSubject(r.room()), sensorSubject(s.sensorId()))) {
      out.add(
          new RuleSample(
              subject,
              r.room(),
              r.building(),
              s.sensorId(),
              s.timestamp(),
              s.co2Ppm(),
              s.temperatureC(),
              s.humidityPercent(),
              s.powerW()));
    }
    return out;
  }

  /** The value of {@code metric} in this sample, null when the reading did not carry it. */
  public Double value(RuleCondition.Metric metric) {
    return switch (metric) {
      case CO2 -> co2Ppm;
      case TEMPERATURE -> temperatureC;
      case HUMIDITY -> humidityPercent;
      case POWER -> powerW;
    };
  }
}
