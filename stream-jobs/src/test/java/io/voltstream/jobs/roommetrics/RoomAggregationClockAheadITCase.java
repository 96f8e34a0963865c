package io.voltstream.jobs.roommetrics;

import static io.voltstream.jobs.roommetrics.RoomJobItSupport.awaitRoomWindow;
import static io.voltstream.jobs.roommetrics.RoomJobItSupport.rowAt;
import static io.voltstream.jobs.roommetrics.RoomJobItSupport.rows;
import static io.voltstream.jobs.roommetrics.RoomJobItSupport.sendTo;
import static io.voltstream.jobs.roommetrics.RoomTestData.meter;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.infra.Waits;
import io.voltstream.infra.junit.InfluxExtension;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.jobs.io.EventTimeWatermarks;
import io.voltstream.jobs.io.FlinkRestMetrics;
import io.voltstream.jobs.io.JobsConfig;
import io.voltstream.model.SensorReading;
import io.voltstream.model.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One sensor's clock runs 10 minutes ahead and shares Kafka partition 0 with three honest sensors
 * (two in {@code hall}, one in {@code lab}); the job runs with the default tolerance ({@code
 * VOLTSTREAM_MAX_EVENT_TIME_AHEAD=2m}). The ahead readings must not advance the watermark: every
 * honest room window equals the reference computed from the input, no reading goes to {@code
 * readings.late}, and the ahead readings are counted ({@code eventsAheadOfClock}) and wait in their
 * own future {@code attic} windows. With the plain bounded-out-of-orderness strategy the first
 * ahead reading moves partition 0's watermark 10 minutes ahead and the honest readings sent after
 * it are late.
 */
class RoomAggregationClockAheadITCase {

  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();
  @RegisterExtension static final InfluxExtension INFLUX = new InfluxExtension();

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .setConfiguration(FlinkRestMetrics.fastMetrics())
              .build());

  private static final Duration AHEAD = Duration.ofMinutes(10);
  private static final String[] HONEST = {"hall-meter-1", "hall-meter-2", "lab-meter"};
  private static final String[] HONEST_ROOMS = {"hall", "hall", "lab"};
  private static final int STEPS = 24; // one reading per sensor every 5 s: two whole minutes
  private static final TopicPartition PARTITION_0 = new TopicPartition(Topics.READINGS.name(), 0);

  private JobClient job;

  @AfterEach
  void tearDown() throws Exception {
    RoomJobItSupport.cancel(job);
  }

  @Test
  void shouldKeepTheOtherSensorsWindowsExactWhenOneClockRunsTenMinutesAhead() throws Exception {
    KAFKA.createStandardTopics(RoomJobItSupport.READING_PARTITIONS);
    String db = INFLUX.freshDatabase();
    JobsConfig cfg = RoomJobItSupport.config(KAFKA, INFLUX, db);
    // Honest event times are a few minutes old (plausible, like a short backlog), so both windows
    // can close as soon as the honest sensors' event time passes them.
    Instant base = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(5));
    List<SensorReading> honest = honestReadings(base);
    int half = honest.size() / 2;
    int aheadSent = 0;
    try (KafkaProducer<String, String> producer = KAFKA.producer()) {
      job = RoomJobItSupport.startJob(cfg);
      long last = 0;
      for (int i = 0; i < half; i++) {
        sendTo(producer, 0, honest.get(i));
        if (i % 3 == 0) {
          last = sendTo(producer, 0, aheadReading(aheadSent++));
        }
      }
      // Once the ahead readings are checkpointed (offsets committed), and once more after the
      // next honest reading (checkpoints are 1 s apart, watermarks every 200 ms), the source has
      // emitted watermarks after them: with the old strategy partition 0 is now 10 min ahead.
      awaitCommitted(cfg, last + 1);
      awaitCommitted(cfg, sendTo(producer, 0, honest.get(half)) + 1);
      for (int i = half + 1; i < honest.size(); i++) {
        sendTo(producer, 0, honest.get(i));
        if (i % 3 == 0) {
          sendTo(producer, 0, aheadReading(aheadSent++));
        }
      }

      var ticker = new RoomJobItSupport.Ticker(producer, base.plus(Duration.ofSeconds(126)), 0);
      Map<String, Expected> expected = reference(honest);
      for (Map.Entry<String, Expected> e : expected.entrySet()) {
        Expected want = e.getValue();
        Map<String, JsonNode> row =
            rowAt(awaitRoomWindow(INFLUX, db, want.room, want.start, ticker), want.start);
        assertThat(row.get("sample_count").asLong()).as(e.getKey()).isEqualTo(want.count);
        assertThat(row.get("energy_kwh").asDouble()).as(e.getKey()).isEqualTo(want.energyKwh);
        assertThat(row.get("power_max_w").asDouble()).as(e.getKey()).isEqualTo(want.powerMaxW);
        assertThat(row.get("power_avg_w").asDouble())
            .as(e.getKey())
            .isEqualTo(want.powerSumW / want.count);
      }
    }

    assertThat(KAFKA.consume(Topics.READINGS_LATE.name(), 1, Duration.ofSeconds(3)))
        .as("readings.late")
        .isEmpty();
    // The ahead sensor's windows are 10 minutes in the future: they close when real time gets
    // there, not now.
    assertThat(rows(INFLUX.query(db, "SELECT * FROM room_metrics WHERE room = 'attic'")).isEmpty())
        .isTrue();
    int sent = aheadSent;
    assertThat(
            Waits.until(
                () -> aheadOfClock() == sent, Duration.ofSeconds(30), Duration.ofMillis(500)))
        .as("eventsAheadOfClock = %d (was %s)", sent, aheadOfClockOrNull())
        .isTrue();
  }

  private static List<SensorReading> honestReadings(Instant base) {
    List<SensorReading> out = new ArrayList<>();
    for (int k = 0; k < STEPS; k++) {
      for (int j = 0; j < HONEST.length; j++) {
        // Multiples of 1/8 kWh and whole watts: the sums are exact in floating point.
        double energyKwh = ((k + j) % 4 + 1) * 0.125;
        double powerW = 100.0 * ((3 * k + j) % 7 + 1);
        Instant ts = base.plusSeconds(5L * k + j);
        out.add(meter(HONEST[j], HONEST_ROOMS[j], ts, energyKwh, powerW));
      }
    }
    return out;
  }

  private static SensorReading aheadReading(int n) {
    return meter("attic-meter", "attic", Instant.now().plus(AHEAD).plusMillis(n), 0.125, 50);
  }

  /** Expected room_metrics per room and minute window, computed from the input. */
  private static Map<String, Expected> reference(List<SensorReading> honest) {
    Map<String, Expected> out = new TreeMap<>();
    for (SensorReading r : honest) {
      Instant start = r.timestamp().truncatedTo(ChronoUnit.MINUTES);
      out.computeIfAbsent(r.room() + "@" + start, k -> new Expected(r.room(), start)).add(r);
    }
    assertThat(out).hasSize(4);
    return out;
  }

  private static void awaitCommitted(JobsConfig cfg, long offset) {
    String group = cfg.groupId(RoomAggregationJobConfig.JOB_NAME);
    try (Admin admin = KAFKA.adminClient()) {
      boolean committed =
          Waits.until(
              () -> committedOffset(admin, group) >= offset,
              RoomJobItSupport.TIMEOUT,
              Duration.ofMillis(100));
      assertThat(committed)
          .as("offset %d of %s committed by %s", offset, PARTITION_0, group)
          .isTrue();
    }
  }

  private static long committedOffset(Admin admin, String group) {
    try {
      OffsetAndMetadata o =
          admin
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get()
              .get(PARTITION_0);
      return o == null ? -1 : o.offset();
    } catch (Exception e) {
      return -1;
    }
  }

  private long aheadOfClock() {
    Double v = aheadOfClockOrNull();
    return v == null ? -1 : Math.round(v);
  }

  private Double aheadOfClockOrNull() {
    try {
      return FlinkRestMetrics.sum(FLINK, job.getJobID(), EventTimeWatermarks.AHEAD_OF_CLOCK_METRIC);
    } catch (Exception e) {
      return null;
    }
  }

  /** Running reference aggregate of one room window. */
  private static final class Expected {
    final String room;
    final Instant start;
    long count;
    double energyKwh;
    double powerSumW;
    double powerMaxW = Double.NEGATIVE_INFINITY;

    Expected(String room, Instant start) {
      this.room = room;
      this.start = start;
    }

    void add(SensorReading r) {
      count++;
      energyKwh += r.energyKwh();
      powerSumW += r.powerW();
      powerMaxW = Math.max(powerMaxW, r.powerW());
    }
  }
}
