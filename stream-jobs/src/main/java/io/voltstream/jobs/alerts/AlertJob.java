package io.voltstream.jobs.alerts;

import io.voltstream.jobs.JobEnvironment;
import io.voltstream.jobs.io.EventTimeLimit;
import io.voltstream.jobs.io.EventTimeWatermarks;
import io.voltstream.jobs.io.InfluxPoints;
import io.voltstream.jobs.io.InfluxSink;
import io.voltstream.jobs.io.JobsConfig;
import io.voltstream.jobs.io.KafkaSinks;
import io.voltstream.jobs.io.KafkaSources;
import io.voltstream.model.RoomMetrics;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SystemEvent;
import io.voltstream.model.Topics;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Alerts as {@link SystemEvent}s to Kafka {@code events} and InfluxDB {@code events}:
 *
 * <ul>
 *   <li>comfort: a room's window-average CO2 above, or temperature outside, the thresholds (from
 *       {@code room-metrics}, so the registry's room assignment applies);
 *   <li>silence: a sensor without readings for longer than the silence threshold (event-time timers
 *       on {@code readings});
 *   <li>late-data bursts: more late readings of a room arriving in a minute than the threshold
 *       (from {@code readings.late});
 *   <li>clocks ahead: a sensor stamping readings further ahead of the wall clock than {@code
 *       VOLTSTREAM_MAX_EVENT_TIME_AHEAD} (their readings do not advance the watermark), at most
 *       once an hour per sensor.
 * </ul>
 */
public class AlertJob {

  private static final String UID = AlertJobConfig.JOB_NAME;

  private final AlertJobConfig config;
  private final Source<SensorReading, ?, ?> readings;
  private final Source<RoomMetrics, ?, ?> roomMetrics;
  private final Source<SensorReading, ?, ?> lateReadings;
  private final Sink<SystemEvent> influxSink;
  private final Sink<SystemEvent> kafkaSink;

  public AlertJob(
      AlertJobConfig config,
      Source<SensorReading, ?, ?> readings,
      Source<RoomMetrics, ?, ?> roomMetrics,
      Source<SensorReading, ?, ?> lateReadings,
      Sink<SystemEvent> influxSink,
      Sink<SystemEvent> kafkaSink) {
    this.config = Objects.requireNonNull(config, "config");
    this.readings = Objects.requireNonNull(readings, "readings");
    this.roomMetrics = Objects.requireNonNull(roomMetrics, "roomMetrics");
    this.lateReadings = Objects.requireNonNull(lateReadings, "lateReadings");
    this.influxSink = Objects.requireNonNull(influxSink, "influxSink");
    this.kafkaSink = Objects.requireNonNull(kafkaSink, "kafkaSink");
  }

  /** Adds the topology to {@code env}; returns the event stream. */
  public DataStream<SystemEvent> build(StreamExecutionEnvironment env) {
    DataStream<SensorReading> readingStream =
        env.fromSource(readings, readingWatermarks(), KafkaSources.readingsSourceName(UID))
            .uid(UID + "-readings-source");
    DataStream<SystemEvent> silence =
        readingStream
            .keyBy(SensorReading::sensorId)
            .process(new SensorSilenceFunction(config.thresholds().sensorSilence()))
            .uid(UID + "-sensor-silence")
            .name("sensor silence timers");
    DataStream<SystemEvent> clocksAhead =
        readingStream
            .keyBy(SensorReading::sensorId)
            .process(new ClockAheadFunction(new EventTimeLimit(config.maxEventTimeAhead())))
            .uid(UID + "-clock-ahead")
            .name("device clocks ahead");

    DataStream<SystemEvent> comfort =
        env.fromSource(roomMetrics, WatermarkStrategy.noWatermarks(), "room-metrics")
            .uid(UID + "-room-metrics-source")
            .flatMap(new ComfortAlertFunction(config.thresholds()))
            .uid(UID + "-comfort")
            .name("comfort thresholds");

    DataStream<SystemEvent> lateBursts =
        env.fromSource(lateReadings, WatermarkStrategy.noWatermarks(), "readings.late")
            .uid(UID + "-late-source")
            .keyBy(LateBurstFunction::key)
            .process(
                new LateBurstFunction(
                    config.thresholds().lateBurstPerMinute(), config.lateBurstGrace()))
            .uid(UID + "-late-bursts")
            .name("late data bursts");

    DataStream<SystemEvent> events = silence.union(comfort, lateBursts, clocksAhead);
    events.sinkTo(influxSink).uid(UID + "-influx-sink").name("events → InfluxDB");
    events.sinkTo(kafkaSink).uid(UID + "-kafka-sink").name("events → Kafka");
    return events;
  }

  private WatermarkStrategy<SensorReading> readingWatermarks() {
    return EventTimeWatermarks.of(
        config.maxOutOfOrderness(),
        config.idleness(),
        config.maxEventTimeAhead(),
        SensorReading::timestamp);
  }

  /** Kafka key of an event: its room, else its sensor, else its kind. */
  public static String eventKey(SystemEvent e) {
    return e.room() != null ? e.room() : e.sensorId() != null ? e.sensorId() : e.kind();
  }

  /** Adds the job with the real Kafka sources and sinks and the InfluxDB sink to {@code env}. */
  public static DataStream<SystemEvent> wireFromConfig(
      StreamExecutionEnvironment env, JobsConfig cfg, Map<String, String> vars) {
    JobEnvironment.configure(env, cfg);
    String job = AlertJobConfig.JOB_NAME;
    return new AlertJob(
            AlertJobConfig.from(cfg, vars),
            KafkaSources.readings(cfg, job),
            KafkaSources.of(
                cfg,
                Topics.ROOM_METRICS,
                RoomMetrics.class,
                job + "-room-metrics",
                "deserializationFailures"),
            KafkaSources.of(
                cfg,
                Topics.READINGS_LATE,
                SensorReading.class,
                job + "-late",
                "readingsDeserializationFailures"),
            InfluxSink.fromConfig(cfg, InfluxPoints::event),
            KafkaSinks.to(cfg, Topics.EVENTS, AlertJob::eventKey))
        .build(env);
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> vars = JobsConfig.withArgs(System.getenv(), args);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    wireFromConfig(env, JobsConfig.fromEnv(vars), vars);
    env.execute(AlertJobConfig.JOB_NAME);
  }
}
