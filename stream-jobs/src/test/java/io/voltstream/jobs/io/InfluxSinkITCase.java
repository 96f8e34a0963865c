package io.voltstream.jobs.io;

import static io.voltstream.infra.junit.InfluxExtension.firstValue;
import static io.voltstream.jobs.io.IoTestData.powerSum;
import static io.voltstream.jobs.io.IoTestData.readings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.voltstream.influx.Series;
import io.voltstream.infra.junit.InfluxExtension;
import io.voltstream.model.SensorReading;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link InfluxSink} on a MiniCluster (parallelism 2) against a real influxd. */
class InfluxSinkITCase {
  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  @RegisterExtension static final InfluxExtension INFLUX = new InfluxExtension();

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .setConfiguration(FlinkRestMetrics.fastMetrics())
              .build());

  private JobClient job;

  @AfterEach
  void cancelJob() throws Exception {
    if (job != null && !job.getJobStatus().get().isGloballyTerminalState()) {
      job.cancel().get(30, TimeUnit.SECONDS);
    }
    if (!INFLUX.server().isRunning()) {
      INFLUX.start();
    }
  }

  private static StreamExecutionEnvironment env() {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "disable");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    return env;
  }

  private static InfluxSinkBuilder<SensorReading> sink(String db) {
    return InfluxSink.<SensorReading>builder()
        .url(INFLUX.url())
        .database(db)
        .converter(InfluxPoints::reading);
  }

  private static double count(String db, String field) {
    return count(db, field, "");
  }

  private static double count(String db, String field, String where) {
    return firstValue(INFLUX.query(db, "SELECT count(" + field + ") FROM readings " + where), 1);
  }

  @Test
  void shouldWriteEveryPointWithItsTagsAndValues() throws Exception {
    String db = INFLUX.freshDatabase();
    StreamExecutionEnvironment env = env();
    env.fromData(readings(2_000))
        .sinkTo(sink(db).maxBatchSize(300).maxBufferedRequests(1_000).build());

    env.execute("influx-sink-points");

    assertThat(count(db, "power_w")).isEqualTo(2_000);
    assertThat(firstValue(INFLUX.query(db, "SELECT sum(power_w) FROM readings"), 1))
        .isEqualTo(powerSum(2_000));
    List<Series> one =
        INFLUX.query(
            db,
            "SELECT energy_kwh, power_w, room, sensor_type FROM readings "
                + "WHERE sensor_id = 's7' AND time = '2026-11-27T00:00:17Z'");
    assertThat(one.get(0).values())
        .containsExactly(
            List.of(
                Instant.parse("2026-11-27T00:00:17Z").toEpochMilli(),
                0.017,
                17,
                "room-2",
                "multi"));
    assertThat(count(db, "power_w", "WHERE room = 'unassigned'")).isEqualTo(200);
  }

  @Test
  void shouldOverwriteInsteadOfDuplicatingWhenTheSameReadingsAreWrittenAgain() throws Exception {
    String db = INFLUX.freshDatabase();
    for (int run = 0; run < 2; run++) {
      StreamExecutionEnvironment env = env();
      env.fromData(readings(500)).sinkTo(sink(db).build());
      env.execute("influx-sink-replay-" + run);
    }

    assertThat(count(db, "power_w")).isEqualTo(500);
    assertThat(firstValue(INFLUX.query(db, "SELECT sum(power_w) FROM readings"), 1))
        .isEqualTo(powerSum(500));
  }

  @Test
  void shouldDeliverEveryPointAfterInfluxWasDownForThirtySeconds() throws Exception {
    String db = INFLUX.freshDatabase();
    int total = 4_000;
    StreamExecutionEnvironment env = env();
    env.enableCheckpointing(1_000);
    // Small buffers: the outage must backpressure the source rather than fit in memory.
    env.fromSource(
            new DataGeneratorSource<>(
                new ReadingGenerator(),
                total,
                RateLimiterStrategy.perSecond(100),
                TypeInformation.of(SensorReading.class)),
            WatermarkStrategy.noWatermarks(),
            "generator")
        .sinkTo(
            sink(db)
                .maxBatchSize(100)
                .maxBufferedRequests(400)
                .maxInFlightRequests(2)
                .retryBackoff(Duration.ofMillis(100), Duration.ofSeconds(2))
                .build());
    job = env.executeAsync("influx-sink-outage");

    List<Series> before =
        INFLUX.awaitQuery(
            db, "SELECT count(power_w) FROM readings", a -> firstValue(a, 1) >= 500, TIMEOUT);
    assertThat(firstValue(before, 1)).isGreaterThanOrEqualTo(500);
    INFLUX.stop();
    long outageEnd = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < outageEnd) {
      try {
        job.getJobExecutionResult().get(500, TimeUnit.MILLISECONDS);
        fail("the job ended while InfluxDB was down");
      } catch (TimeoutException stillRunning) {
        // expected: keep watching until the outage is over
      }
    }
    assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
    INFLUX.start();
    long metricDeadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    double retries = 0;
    while (retries == 0 && System.nanoTime() < metricDeadline) {
      retries = FlinkRestMetrics.sum(FLINK, job.getJobID(), "influxRetries");
      Thread.sleep(200); // poll interval of the deadline loop, not a synchronisation
    }
    assertThat(retries).as("influxRetries while influxd was down").isPositive();

    List<Series> after =
        INFLUX.awaitQuery(
            db, "SELECT count(power_w) FROM readings", a -> firstValue(a, 1) >= total, TIMEOUT);
    assertThat(firstValue(after, 1)).isEqualTo(total);
    job.getJobExecutionResult().get(60, TimeUnit.SECONDS);
    assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.FINISHED);
    assertThat(firstValue(INFLUX.query(db, "SELECT sum(power_w) FROM readings"), 1))
        .isEqualTo(powerSum(total));
  }

  @Test
  void shouldCountBadDataAndUnconvertibleElementsWithoutFailingTheJob() throws Exception {
    String db = INFLUX.freshDatabase();
    // power_w already exists as a string in this shard: InfluxDB answers 400 "partial write" for
    // float power_w.
    INFLUX.write(
        db, "readings,room=x,sensor_id=old,sensor_type=multi power_w=\"text\" 1795737600000");
    List<SensorReading> input = new java.util.ArrayList<>();
    for (int i = 0; i < 300; i++) {
      SensorReading r = IoTestData.reading(i);
      input.add(
          i % 3 == 0
              ? r
              : new SensorReading(
                  r.sensorId(),
                  r.timestamp(),
                  r.room(),
                  r.sensorType(),
                  r.energyKwh(),
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null));
    }
    InfluxLineConverter<SensorReading> failsForS5 =
        r -> {
          if (r.sensorId().equals("s5")) {
            throw new IllegalStateException("converter bug for s5");
          }
          return InfluxPoints.reading(r);
        };
    StreamExecutionEnvironment env = env();
    env.fromData(input)
        .sinkTo(
            InfluxSink.<SensorReading>builder()
                .url(INFLUX.url())
                .database(db)
                .converter(failsForS5)
                .maxBatchSize(50)
                .maxBufferedRequests(200)
                .build());

    env.execute("influx-sink-bad-data");

    // Written: readings without power_w (i % 3 != 0) except sensor s5's.
    long expected =
        input.stream().filter(r -> r.powerW() == null && !r.sensorId().equals("s5")).count();
    assertThat(count(db, "energy_kwh")).isEqualTo(expected);
  }

  @Test
  void shouldFailFastWithAClearMessageWhenTheDatabaseDoesNotExist() {
    StreamExecutionEnvironment env = env();
    env.fromData(readings(10)).sinkTo(sink("no_such_db").createDatabase(false).build());

    assertThatThrownBy(() -> env.execute("influx-sink-missing-db"))
        .satisfies(
            e ->
                assertThat(ExceptionUtils.findThrowable(e, InfluxSinkException.class))
                    .hasValueSatisfying(
                        s ->
                            assertThat(s.getMessage())
                                .contains("404")
                                .contains("database does not exist")
                                .contains("VOLTSTREAM_INFLUX_CREATE_DB")));
  }

  @Test
  void shouldCreateTheDatabaseWhenConfigured() throws Exception {
    String db = "created_" + Long.toHexString(System.nanoTime());
    StreamExecutionEnvironment env = env();
    env.fromData(readings(10)).sinkTo(sink(db).createDatabase(true).build());

    env.execute("influx-sink-create-db");

    assertThat(count(db, "power_w")).isEqualTo(10);
  }

  /** Reading i of {@link IoTestData}; a named class so the generator is serialisable. */
  static final class ReadingGenerator implements GeneratorFunction<Long, SensorReading> {
    @Override
    public SensorReading map(Long i) {
      return IoTestData.reading(i);
    }
  }
}
