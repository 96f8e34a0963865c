package io.voltstream.jobs.rawstore;

import io.voltstream.jobs.JobEnvironment;
import io.voltstream.jobs.io.InfluxPoints;
import io.voltstream.jobs.io.InfluxSink;
import io.voltstream.jobs.io.JobsConfig;
import io.voltstream.jobs.io.KafkaSources;
import io.voltstream.model.SensorReading;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Stores every raw reading in InfluxDB {@code readings}: Kafka {@code readings} → {@link
 * InfluxSink}. Stateless apart from the source offsets and the sink's buffer; points are
 * deterministic, so a restart from the last checkpoint rewrites the same points.
 */
public class RawReadingsJob {
  public static final String NAME = "raw-readings";

  private final Source<SensorReading, ?, ?> source;
  private final Sink<SensorReading> sink;

  public RawReadingsJob(Source<SensorReading, ?, ?> source, Sink<SensorReading> sink) {
    this.source = source;
    this.sink = sink;
  }

  /** Wires source → sink into {@code env}; tests call this with their own source and sink. */
  public DataStreamSink<SensorReading> build(StreamExecutionEnvironment env) {
    return env.fromSource(source, WatermarkStrategy.noWatermarks(), "readings-source")
        .uid("raw-readings-source")
        .sinkTo(sink)
        .name("influx-readings-sink")
        .uid("raw-readings-influx-sink");
  }

  /**
   * Configures {@code env} and wires the job on the real Kafka source and InfluxDB sink (used by
   * the launcher).
   */
  public static StreamExecutionEnvironment wireFromConfig(
      StreamExecutionEnvironment env, JobsConfig cfg) {
    JobEnvironment.configure(env, cfg);
    new RawReadingsJob(
            KafkaSources.readings(cfg, NAME), InfluxSink.fromConfig(cfg, InfluxPoints::reading))
        .build(env);
    return env;
  }

  /**
   * Entry point on a Flink cluster; configuration from {@code VOLTSTREAM_*} variables, overridden
   * by {@code --name=value}.
   */
  public static void main(String[] args) throws Exception {
    JobsConfig cfg = JobsConfig.fromEnv(JobsConfig.withArgs(System.getenv(), args));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    wireFromConfig(env, cfg).execute("voltstream-" + NAME);
  }
}
