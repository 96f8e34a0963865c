package io.voltstream.jobs.roommetrics;

import static io.voltstream.jobs.roommetrics.RoomTestData.T0;
import static io.voltstream.jobs.roommetrics.RoomTestData.atSeconds;
import static io.voltstream.jobs.roommetrics.RoomTestData.climate;
import static io.voltstream.jobs.roommetrics.RoomTestData.meter;
import static io.voltstream.jobs.roommetrics.RoomTestData.pv;
import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.jobs.io.RegistryChange;
import io.voltstream.model.RegistryKey;
import io.voltstream.model.RoomMetrics;
import io.voltstream.model.SensorReading;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole topology on a MiniCluster with parallelism 2, finite sources and collecting sinks. */
class RoomAggregationPipelineTest {

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private final CollectSink<RoomMetrics> influx = new CollectSink<>();
  private final CollectSink<RoomMetrics> kafka = new CollectSink<>();
  private final CollectSink<SensorReading> late = new CollectSink<>();

  @AfterEach
  void tearDown() {
    influx.clear();
    kafka.clear();
    late.clear();
  }

  @Test
  void shouldProduceExactPerRoomMinuteAggregatesToBothSinks() throws Exception {
    List<SensorReading> readings =
        List.of(
            meter("m1", "kitchen", atSeconds(5), 0.125, 500),
            pv("pv1", "roof", atSeconds(10), 0.0625),
            meter("m2", "kitchen", atSeconds(30), 0.25, 1500),
            meter("nowhere", null, atSeconds(20), 0.5, 50),
            climate("c1", "kitchen", atSeconds(45), 800, 21, 40),
            climate("c1", "kitchen", atSeconds(55), 900, 23, 50),
            meter("m1", "kitchen", atSeconds(65), 0.5, 600));

    run(readings);

    // Priced at the default tariff (no building registered): 11:00 Brussels on a Monday, import
    // 0.31 €/kWh, feed-in 0.04 €/kWh.
    List<RoomMetrics> expected =
        List.of(
            new RoomMetrics(
                    "kitchen",
                    "default",
                    T0,
                    T0.plusSeconds(60),
                    0.375,
                    1000.0,
                    1500.0,
                    850.0,
                    22.0,
                    45.0,
                    null,
                    4)
                .withCostEur(0.375 * 0.31),
            new RoomMetrics(
                    "kitchen",
                    "default",
                    T0.plusSeconds(60),
                    T0.plusSeconds(120),
                    0.5,
                    600.0,
                    600.0,
                    null,
                    null,
                    null,
                    null,
                    1)
                .withCostEur(0.5 * 0.31),
            new RoomMetrics(
                    "roof",
                    "default",
                    T0,
                    T0.plusSeconds(60),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    0.0625,
                    1)
                .withCostEur(-0.0625 * 0.04),
            new RoomMetrics(
                    "unassigned",
                    "default",
                    T0,
                    T0.plusSeconds(60),
                    0.5,
                    50.0,
                    50.0,
                    null,
                    null,
                    null,
                    null,
                    1)
                .withCostEur(0.5 * 0.31));
    assertThat(influx.values()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(kafka.values()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(late.values()).isEmpty();
  }

  private void run(List<SensorReading> readings) throws Exception {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    var cfg =
        new RoomAggregationJobConfig(
            Duration.ofMinutes(1),
            Duration.ofSeconds(30),
            Duration.ofSeconds(5),
            Duration.ZERO,
            Duration.ofMinutes(2));
    new RoomAggregationJob(
            cfg,
            FiniteSource.of(TypeInformation.of(SensorReading.class), readings),
            FiniteSource.of(
                TypeInformation.of(RegistryChange.class),
                List.of(new RegistryChange(RegistryKey.building("hq"), "{\"id\":\"hq\"}"))),
            influx,
            kafka,
            late)
        .build(env);
    env.execute("room-aggregation-test");
  }
}
