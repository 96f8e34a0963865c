package io.voltstream.jobs.dispatch;

import static io.voltstream.jobs.dispatch.logic.DispatchTestData.BIG;
import static io.voltstream.jobs.dispatch.logic.DispatchTestData.SELF_CONSUMPTION;
import static io.voltstream.jobs.dispatch.logic.DispatchTestData.SMALL;
import static io.voltstream.jobs.dispatch.logic.DispatchTestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.energy.market.MarketMode;
import io.voltstream.jobs.dispatch.logic.BatteryDecision;
import io.voltstream.jobs.dispatch.logic.DispatchTestData;
import io.voltstream.jobs.io.RegistryChange;
import io.voltstream.jobs.roommetrics.CollectSink;
import io.voltstream.jobs.roommetrics.FiniteSource;
import io.voltstream.model.BatteryTelemetry;
import io.voltstream.model.Building;
import io.voltstream.model.Json;
import io.voltstream.model.RegistryKey;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import io.voltstream.model.command.BatteryMode;
import io.voltstream.model.command.BatterySetpoint;
import io.voltstream.model.command.Command;
import io.voltstream.model.command.CommandSource;
import io.voltstream.model.market.MarketTrade;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

/**
 * The production topology ({@link DispatchJob#build}) on a MiniCluster with finite sources,
 * parallelism 2.
 */
class DispatchPipelineTest {

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private static final String HQ = "demo";
  private final CollectSink<Command> commands = new CollectSink<>();
  private final CollectSink<BatteryDecision> influx = new CollectSink<>();

  @AfterEach
  void tearDown() {
    commands.clear();
    influx.clear();
  }

  @Test
  void shouldIssueFreshChargeCommandsForBothBatteriesOfABuildingWithPvSurplus() throws Exception {
    List<SensorReading> readings = new ArrayList<>();
    List<BatteryTelemetry> telemetry = new ArrayList<>();
    for (int s = 0; s <= 120; s += 5) {
      Instant t = T0.plusSeconds(s);
      readings.add(
          new SensorReading(
              "meter", t, null, SensorType.POWER, null, 1000.0, null, null, null, null, null, t));
      readings.add(
          new SensorReading(
              "roof", t, null, SensorType.PV, null, 4000.0, null, null, null, null, null, t));
      for (BatterySpec b : List.of(BIG, SMALL)) {
        telemetry.add(
            new BatteryTelemetry(b.id(), t, 50, 0, null, null, null, null, "idle", null, t));
      }
    }
    List<RegistryChange> registry =
        new ArrayList<>(
            List.of(
                new RegistryChange(
                    RegistryKey.building(HQ),
                    Json.MAPPER.writeValueAsString(
                        new Building(HQ, "Demo", null, null, null, null, SELF_CONSUMPTION))),
                new RegistryChange(
                    RegistryKey.room("kitchen"),
                    "{\"name\":\"kitchen\",\"building\":\"" + HQ + "\"}"),
                new RegistryChange(
                    RegistryKey.sensor("meter"), "{\"id\":\"meter\",\"room\":\"kitchen\"}"),
                new RegistryChange(
                    RegistryKey.sensor("roof"), "{\"id\":\"roof\",\"room\":\"kitchen\"}")));
    for (BatterySpec b : List.of(BIG, SMALL)) {
      registry.add(
          new RegistryChange(RegistryKey.battery(b.id()), Json.MAPPER.writeValueAsString(b)));
    }
    // Another component's dispatch command: not an override, ignored.
    Command foreign =
        Command.battery(
            "other",
            BIG.id(),
            HQ,
            BatterySetpoint.ofSignedPowerW(-500),
            T0,
            Duration.ofSeconds(30),
            CommandSource.DISPATCH,
            "someone");
    double[] kwh = new double[24];
    String forecast = DispatchTestData.forecastJson(HQ, "consumption", T0, kwh);

    Configuration conf = new Configuration();
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    // Readings and reports are throttled so that the registry (unthrottled) is in place before most
    // of them.
    new DispatchJob(
            DispatchJobConfig.defaults(),
            FiniteSource.throttled(TypeInformation.of(SensorReading.class), readings, 40),
            FiniteSource.throttled(TypeInformation.of(BatteryTelemetry.class), telemetry, 40),
            FiniteSource.of(TypeInformation.of(Command.class), List.of(foreign)),
            FiniteSource.of(TypeInformation.of(String.class), List.of(forecast)),
            // a trade between two other buildings: legs keyed away from HQ change nothing here
            FiniteSource.of(
                TypeInformation.of(MarketTrade.class),
                List.of(
                    new MarketTrade(
                        "community-1",
                        "community",
                        T0,
                        "bid",
                        "offer",
                        "office-west",
                        "home-east",
                        1.0,
                        0.2,
                        MarketMode.PAY_AS_CLEAR,
                        T0.minusSeconds(300)))),
            FiniteSource.of(TypeInformation.of(RegistryChange.class), registry),
            commands,
            influx)
        .build(env);
    env.execute("dispatch-pipeline-test");

    List<BatteryDecision> decisions = influx.values();
    assertThat(decisions)
        .isNotEmpty()
        .allSatisfy(
            d -> {
              assertThat(d.building()).isEqualTo(HQ);
              assertThat(d.at().toEpochMilli() % 10_000).isZero();
              assertThat(d.setpointW()).isPositive();
            });
    assertThat(decisions).extracting(BatteryDecision::batteryId).contains(BIG.id(), SMALL.id());
    List<Command> issued = commands.values();
    assertThat(issued)
        .hasSameSizeAs(decisions)
        .allSatisfy(
            c -> {
              assertThat(c.source()).isEqualTo(CommandSource.DISPATCH);
              assertThat(c.battery().mode()).isEqualTo(BatteryMode.CHARGE);
              assertThat(c.validUntil()).isEqualTo(c.issuedAt().plusSeconds(30));
            });
    assertThat(issued).extracting(Command::commandId).doesNotHaveDuplicates();
  }
}
