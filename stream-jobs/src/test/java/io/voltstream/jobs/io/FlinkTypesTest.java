package io.voltstream.jobs.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.energy.finance.GridPrices;
import io.voltstream.energy.finance.MeteredEnergy;
import io.voltstream.energy.finance.SlotFinance;
import io.voltstream.energy.market.MarketMode;
import io.voltstream.jobs.dispatch.DispatchInput;
import io.voltstream.jobs.dispatch.logic.BatteryDecision;
import io.voltstream.jobs.dispatch.logic.BatteryReading;
import io.voltstream.jobs.dispatch.logic.MonthPeak;
import io.voltstream.jobs.dispatch.logic.SensorPower;
import io.voltstream.jobs.settlement.SettlementInput;
import io.voltstream.jobs.settlement.SettlementOutput;
import io.voltstream.jobs.settlement.logic.FinanceRow;
import io.voltstream.model.RegistryKey;
import io.voltstream.model.RoomMetrics;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import io.voltstream.model.SystemEvent;
import io.voltstream.model.command.BatterySetpoint;
import io.voltstream.model.command.Command;
import io.voltstream.model.command.CommandSource;
import io.voltstream.model.market.MarketTrade;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The records that cross Flink network edges must use the POJO serializer (generic-types=false
 * forbids Kryo).
 */
class FlinkTypesTest {
  static Stream<Arguments> records() {
    Instant t = Instant.ofEpochMilli(1_764_201_600_123L);
    return Stream.of(
        Arguments.of(
            SensorReading.class,
            new SensorReading(
                "s1", t, null, SensorType.PV, null, 1.0, null, null, null, null, 0.5, t)),
        Arguments.of(RegistryChange.class, new RegistryChange(RegistryKey.sensor("s1"), null)),
        Arguments.of(
            RoomMetrics.class,
            new RoomMetrics(
                "r", "b", t, t.plusSeconds(60), 1.0, null, null, null, null, null, null, 3)),
        Arguments.of(
            SystemEvent.class,
            new SystemEvent(
                "id", t, "co2_high", SystemEvent.Severity.CRITICAL, "r", null, "m", 1.0, 2.0)),
        Arguments.of(
            DispatchInput.class,
            new DispatchInput(
                DispatchInput.Kind.MANUAL,
                "b",
                "bat",
                t,
                0,
                Double.NaN,
                false,
                0,
                t.plusSeconds(60),
                null)),
        Arguments.of(
            BatteryDecision.class,
            new BatteryDecision(
                "b",
                "bat",
                t,
                1500,
                -2000,
                50,
                -100,
                2000,
                null,
                "self_consumption",
                "why",
                Command.battery(
                    "c1",
                    "bat",
                    "b",
                    BatterySetpoint.ofSignedPowerW(1500),
                    t,
                    Duration.ofSeconds(30),
                    CommandSource.DISPATCH,
                    "dispatch"))),
        Arguments.of(SensorPower.class, new SensorPower(100, true, t)),
        Arguments.of(BatteryReading.class, new BatteryReading(50, -300, t)),
        Arguments.of(MonthPeak.class, new MonthPeak(202604, t, 1.0, 10.0, 2000)),
        // CommandStatus holds a Duration (not a POJO): the job streams StatusChange instead
        Arguments.of(
            io.voltstream.model.command.CommandAck.class,
            new io.voltstream.model.command.CommandAck(
                "c",
                io.voltstream.model.command.TargetKind.BATTERY,
                "b",
                io.voltstream.model.command.CommandAck.AckStatus.APPLIED,
                null,
                t,
                t)),
        Arguments.of(
            io.voltstream.model.BatteryTelemetry.class,
            new io.voltstream.model.BatteryTelemetry(
                "b", t, 50, -10, null, null, null, null, "safe", null, t)),
        Arguments.of(
            io.voltstream.jobs.commands.logic.StatusChange.class,
            new io.voltstream.jobs.commands.logic.StatusChange(
                Command.battery(
                    "c",
                    "b",
                    null,
                    new BatterySetpoint(io.voltstream.model.command.BatteryMode.CHARGE, 1),
                    t,
                    Duration.ofMinutes(1),
                    CommandSource.MANUAL,
                    "me"),
                io.voltstream.model.command.CommandState.APPLIED,
                null,
                t,
                5L)),
        Arguments.of(
            io.voltstream.jobs.batterystate.logic.BatteryStateRow.class,
            new io.voltstream.jobs.batterystate.logic.BatteryStateRow(
                new io.voltstream.model.BatteryTelemetry(
                    "b", t, 50, -10, 5.0, null, null, null, "safe", null, t),
                "b1")),
        Arguments.of(
            io.voltstream.jobs.rules.logic.RuleSample.class,
            new io.voltstream.jobs.rules.logic.RuleSample(
                "room:r", "r", "b", "s", t, 900.0, null, 40.0, null)),
        Arguments.of(
            io.voltstream.jobs.rules.logic.RuleState.class,
            new io.voltstream.jobs.rules.logic.RuleState(true, t)),
        Arguments.of(
            io.voltstream.jobs.rules.logic.RuleDecision.class,
            new io.voltstream.jobs.rules.logic.RuleDecision(
                new SystemEvent(
                    "e",
                    t,
                    "rule_fired",
                    SystemEvent.Severity.WARNING,
                    "r",
                    null,
                    "m",
                    1.0,
                    2.0,
                    "b"),
                Command.device(
                    "c",
                    "d",
                    "b",
                    new io.voltstream.model.command.DeviceInstruction(
                        io.voltstream.model.command.DeviceInstruction.Action.ON, null, 60L),
                    t,
                    Duration.ofMinutes(5),
                    CommandSource.RULE,
                    "rule:x"))),
        Arguments.of(
            io.voltstream.model.market.MarketOrder.class,
            io.voltstream.jobs.market.MarketTestData.bid("o1", "b", 1.5, 0.2, t)),
        Arguments.of(
            io.voltstream.jobs.market.MarketOutput.class,
            io.voltstream.jobs.market.MarketOutput.of(
                new io.voltstream.model.market.MarketClearing(
                    "community",
                    io.voltstream.jobs.market.MarketTestData.SLOT,
                    io.voltstream.energy.market.MarketMode.PAY_AS_CLEAR,
                    null,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    t))),
        Arguments.of(
            io.voltstream.jobs.market.MarketOutput.class,
            io.voltstream.jobs.market.MarketOutput.of(
                new io.voltstream.model.market.MarketTrade(
                    "community-1-1",
                    "community",
                    t,
                    "b1",
                    "s1",
                    "home",
                    "demo",
                    1.0,
                    0.2,
                    io.voltstream.energy.market.MarketMode.PAY_AS_BID,
                    t),
                1)),
        Arguments.of(
            io.voltstream.jobs.market.MarketOutput.class,
            io.voltstream.jobs.market.MarketOutput.of(
                io.voltstream.jobs.market.logic.OrderAdmission.rejection(
                    io.voltstream.jobs.market.MarketTestData.bid("o1", "b", 1.5, 0.2, t), "why"),
                2)),
        Arguments.of(
            io.voltstream.jobs.market.logic.SlotOrder.class,
            io.voltstream.jobs.market.logic.SlotOrder.accepted(
                    io.voltstream.jobs.market.MarketTestData.bid("o1", "b", 1.5, 0.2, t))
                .traded(0.5, 0.2)),
        Arguments.of(
            io.voltstream.jobs.market.logic.SlotStatus.class,
            io.voltstream.jobs.market.logic.SlotStatus.opened(
                    io.voltstream.jobs.market.MarketTestData.FAST,
                    io.voltstream.jobs.market.MarketTestData.SLOT)
                .withTrade(1, 0.3)),
        Arguments.of(
            io.voltstream.energy.market.MarketSpec.class,
            io.voltstream.jobs.market.MarketTestData.FAST),
        Arguments.of(
            io.voltstream.model.FlexibilityReport.class,
            new io.voltstream.model.FlexibilityReport(
                io.voltstream.model.FlexibilityReport.Scope.ROOM,
                "living",
                "demo",
                "living",
                t,
                1,
                2,
                0.5,
                1.5,
                null,
                null)),
        Arguments.of(
            SettlementInput.class,
            SettlementInput.legs(
                    new MarketTrade(
                        "m-1-1",
                        "m",
                        t,
                        "b",
                        "s",
                        "home",
                        "office",
                        0.2,
                        0.15,
                        MarketMode.PAY_AS_CLEAR,
                        t))
                .get(0)),
        Arguments.of(
            SettlementOutput.class,
            SettlementOutput.of(
                new FinanceRow(
                    "home",
                    "kitchen",
                    t,
                    SlotFinance.room(
                        MeteredEnergy.NONE,
                        new GridPrices(0.3, 0.04, 100),
                        Duration.ofMinutes(15))))));
  }

  @ParameterizedTest
  @MethodSource("records")
  <T> void shouldRoundTripThroughThePojoSerializerWithoutKryo(Class<T> type, T value)
      throws Exception {
    TypeInformation<T> info = TypeInformation.of(type);
    assertThat(info).isInstanceOf(PojoTypeInfo.class);
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    SerializerConfigImpl config = new SerializerConfigImpl();
    config.configure(conf, getClass().getClassLoader());
    TypeSerializer<T> serializer = info.createSerializer(config);

    DataOutputSerializer out = new DataOutputSerializer(256);
    serializer.serialize(value, out);
    T copy = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

    assertThat(copy).isEqualTo(value);
  }
}
