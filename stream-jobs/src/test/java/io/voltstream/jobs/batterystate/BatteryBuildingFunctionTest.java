package io.voltstream.jobs.batterystate;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.jobs.batterystate.logic.BatteryStateRow;
import io.voltstream.jobs.io.InfluxPoints;
import io.voltstream.jobs.io.RegistryChange;
import io.voltstream.model.BatteryTelemetry;
import io.voltstream.model.Json;
import io.voltstream.model.RegistryKey;
import java.time.Instant;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithNonKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.BroadcastOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The battery → building operator in a harness: registry view, tombstones, snapshot and restore.
 */
class BatteryBuildingFunctionTest {
  private static final Instant T0 = Instant.parse("2026-01-10T12:00:00Z");

  private BroadcastOperatorTestHarness<BatteryTelemetry, RegistryChange, BatteryStateRow> harness;

  private static BroadcastOperatorTestHarness<BatteryTelemetry, RegistryChange, BatteryStateRow>
      newHarness() throws Exception {
    return new BroadcastOperatorTestHarness<>(
        new CoBroadcastWithNonKeyedOperator<>(
            new BatteryBuildingFunction(), List.of(BatteryBuildingFunction.BATTERY_BUILDINGS)),
        1,
        1,
        0);
  }

  @BeforeEach
  void setUp() throws Exception {
    harness = newHarness();
    harness.open();
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  private static RegistryChange battery(String id, String building) throws Exception {
    return new RegistryChange(
        RegistryKey.battery(id),
        Json.MAPPER.writeValueAsString(
            new BatterySpec(id, building, 10, 5000, 5000, 0.9, 5, 95, 10)));
  }

  private static BatteryTelemetry report(String id) {
    return new BatteryTelemetry(
        id, T0, 55.5, 1200, 10.0, 5000.0, 5000.0, 100.0, "charge", "c-1", T0);
  }

  private void send(BatteryTelemetry t) throws Exception {
    harness.processElement(new StreamRecord<>(t, t.timestamp().toEpochMilli()));
  }

  @Test
  void tagsTheRegistrysBuildingAndUnassignedForUnknownBatteries() throws Exception {
    harness.processBroadcastElement(battery("bat-1", "hq"), 0);
    harness.processBroadcastElement(
        new RegistryChange(RegistryKey.room("kitchen"), "{\"building\":\"other\"}"), 0);
    send(report("bat-1"));
    send(report("bat-2"));

    assertThat(harness.extractOutputValues())
        .extracting(BatteryStateRow::building)
        .containsExactly("hq", "unassigned");
    assertThat(harness.getBroadcastState(BatteryBuildingFunction.BATTERY_BUILDINGS).entries())
        .hasSize(1);
    assertThat(InfluxPoints.batteryState(report("bat-1"), "hq"))
        .isEqualTo(
            "battery_state,battery_id=bat-1,building=hq"
                + " capacity_kwh=10.0,command_id=\"c-1\",max_charge_w=5000.0,max_discharge_w=5000.0,mode=\"charge\",power_w=1200.0,soc_percent=55.5,soh_percent=100.0"
                + " "
                + T0.toEpochMilli());
  }

  @Test
  void aTombstoneRemovesTheBattery() throws Exception {
    harness.processBroadcastElement(battery("bat-1", "hq"), 0);
    harness.processBroadcastElement(new RegistryChange(RegistryKey.battery("bat-1"), null), 1);
    send(report("bat-1"));

    assertThat(harness.extractOutputValues())
        .extracting(BatteryStateRow::building)
        .containsExactly("unassigned");
    assertThat(harness.getBroadcastState(BatteryBuildingFunction.BATTERY_BUILDINGS).entries())
        .isEmpty();
  }

  @Test
  void theRegistryViewSurvivesASnapshotAndRestore() throws Exception {
    harness.processBroadcastElement(battery("bat-1", "hq"), 0);
    OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
    harness.close();

    harness = newHarness();
    harness.initializeState(snapshot);
    harness.open();
    send(report("bat-1"));

    assertThat(harness.extractOutputValues())
        .extracting(BatteryStateRow::building)
        .containsExactly("hq");
  }
}
