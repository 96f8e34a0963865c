package io.voltstream.jobs.flexibility;

import static io.voltstream.jobs.flexibility.FlexTestRegistry.HQ;
import static io.voltstream.jobs.flexibility.FlexTestRegistry.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.jobs.dispatch.DispatchInput;
import io.voltstream.jobs.io.RegistryChange;
import io.voltstream.model.FlexibilityReport;
import io.voltstream.model.FlexibilityReport.Scope;
import io.voltstream.model.Json;
import io.voltstream.model.RegistryKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FlexibilityFunctionTest {
  private static final double EPS = 1e-9;
  private KeyedBroadcastOperatorTestHarness<
          String, DispatchInput, RegistryChange, FlexibilityReport>
      harness;

  private static KeyedBroadcastOperatorTestHarness<
          String, DispatchInput, RegistryChange, FlexibilityReport>
      harness(OperatorSubtaskState restoreFrom) throws Exception {
    var h =
        new KeyedBroadcastOperatorTestHarness<>(
            new CoBroadcastWithKeyedOperator<>(
                new FlexibilityFunction(FlexibilityJobConfig.defaults()),
                List.of(FlexibilityFunction.REGISTRY)),
            DispatchInput::building,
            Types.STRING,
            1,
            1,
            0);
    h.setup();
    if (restoreFrom != null) {
      h.initializeState(restoreFrom);
    }
    h.open();
    return h;
  }

  @AfterEach
  void tearDown() throws Exception {
    if (harness != null) {
      harness.close();
    }
  }

  private void registry() throws Exception {
    for (Map.Entry<String, Object> e : FlexTestRegistry.entries().entrySet()) {
      harness.processBroadcastElement(
          new RegistryChange(
              RegistryKey.decode(e.getKey()).orElseThrow(),
              Json.MAPPER.writeValueAsString(e.getValue())),
          0);
    }
  }

  private void remove(RegistryKey key) throws Exception {
    harness.processBroadcastElement(new RegistryChange(key, null), 0);
  }

  private void power(String sensor, double w, Instant at) throws Exception {
    harness.processElement(
        new StreamRecord<>(
            new DispatchInput(
                DispatchInput.Kind.POWER, HQ, sensor, at, w, Double.NaN, false, 0, null, null),
            at.toEpochMilli()));
  }

  private void battery(double soc, double chargingW, Instant at) throws Exception {
    harness.processElement(
        new StreamRecord<>(
            new DispatchInput(
                DispatchInput.Kind.BATTERY,
                HQ,
                "bat",
                at,
                chargingW,
                Double.NaN,
                false,
                soc,
                null,
                null),
            at.toEpochMilli()));
  }

  /** The standard situation of {@link FlexTestRegistry}, reported at {@code at}. */
  private void steady(Instant at) throws Exception {
    power("hvac-meter", 1500, at);
    power("plugs", 300, at);
    power("ev", 0, at);
    power("co2", 0, at); // not a device meter: ignored
    battery(50, 0, at);
  }

  private List<FlexibilityReport> reports() {
    return harness.extractOutputValues();
  }

  private static FlexibilityReport find(List<FlexibilityReport> all, Scope scope, String id) {
    return all.stream()
        .filter(r -> r.scope() == scope && r.id().equals(id))
        .reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no " + scope + " report for " + id));
  }

  private static void assertFlex(
      FlexibilityReport r, double upNow, double downNow, double upHour, double downHour) {
    assertThat(r.upNowKw()).as(r.id() + " up_now_kw").isCloseTo(upNow, within(EPS));
    assertThat(r.downNowKw()).as(r.id() + " down_now_kw").isCloseTo(downNow, within(EPS));
    assertThat(r.upHourKw()).as(r.id() + " up_hour_kw").isCloseTo(upHour, within(EPS));
    assertThat(r.downHourKw()).as(r.id() + " down_hour_kw").isCloseTo(downHour, within(EPS));
  }

  private int entries(
      String building, org.apache.flink.api.common.state.MapStateDescriptor<String, ?> d)
      throws Exception {
    @SuppressWarnings("unchecked")
    var backend =
        (KeyedStateBackend<String>)
            (KeyedStateBackend<?>)
                ((AbstractStreamOperator<?>) harness.getOperator()).getKeyedStateBackend();
    backend.setCurrentKey(building);
    MapState<String, ?> state =
        backend.getPartitionedState(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE, d);
    int n = 0;
    for (var ignored : state.keys()) {
      n++;
    }
    return n;
  }

  private long keysWithState() throws Exception {
    var backend = ((AbstractStreamOperator<?>) harness.getOperator()).getKeyedStateBackend();
    long n = 0;
    for (String name :
        List.of(
            FlexibilityFunction.METERS.getName(),
            FlexibilityFunction.BATTERIES.getName(),
            FlexibilityFunction.NEXT_EVALUATION.getName())) {
      n += backend.getKeys(name, VoidNamespace.INSTANCE).count();
    }
    return n;
  }

  @Test
  void shouldReportEveryDeviceRoomAndTheBuildingAtTheNextTenSecondBoundary() throws Exception {
    harness = harness(null);
    registry();
    steady(T0.plusSeconds(1));
    harness.watermark(T0.plusSeconds(9).toEpochMilli());
    assertThat(reports()).isEmpty();

    harness.watermark(T0.plusSeconds(10).toEpochMilli());
    List<FlexibilityReport> out = reports();
    assertThat(out)
        .extracting(FlexibilityReport::scope, FlexibilityReport::id)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Scope.DEVICE, "ev"),
            org.assertj.core.groups.Tuple.tuple(Scope.DEVICE, "hvac"),
            org.assertj.core.groups.Tuple.tuple(Scope.DEVICE, "plugs"),
            org.assertj.core.groups.Tuple.tuple(Scope.ROOM, "garage"),
            org.assertj.core.groups.Tuple.tuple(Scope.ROOM, "living"),
            org.assertj.core.groups.Tuple.tuple(Scope.BUILDING, HQ));
    assertThat(out).allSatisfy(r -> assertThat(r.at()).isEqualTo(T0.plusSeconds(10)));

    FlexibilityReport hvac = find(out, Scope.DEVICE, "hvac");
    assertFlex(hvac, 0, 1.5, 0, 0.75);
    assertThat(hvac.state()).isEqualTo("on");
    assertThat(hvac.powerW()).isEqualTo(1500.0);
    assertThat(hvac.room()).isEqualTo("living");
    assertThat(find(out, Scope.DEVICE, "ev").state()).isEqualTo("off");
    assertFlex(find(out, Scope.DEVICE, "ev"), 7.4, 0, 7.4, 0);
    assertFlex(find(out, Scope.DEVICE, "plugs"), 0, 0, 0, 0);

    FlexibilityReport living = find(out, Scope.ROOM, "living");
    assertFlex(living, 0, 1.5, 0, 0.75);
    assertThat(living.powerW()).isEqualTo(1500.0); // the plugs are not DR-enabled
    assertThat(living.state()).isNull();
    assertFlex(find(out, Scope.ROOM, "garage"), 7.4, 0, 7.4, 0);

    FlexibilityReport building = find(out, Scope.BUILDING, HQ);
    assertFlex(building, 12.4, 6.5, 12.4, 4.35);
    assertThat(building.room()).isNull();
    assertThat(entries(HQ, FlexibilityFunction.METERS)).isEqualTo(3); // not the CO2 sensor
  }

  @Test
  void shouldConvertTheBatterySignConvention() throws Exception {
    harness = harness(null);
    registry();
    // Telemetry: +2000 W = charging. Energy convention −2000: down 5 + 2 = 7, up 5 − 2 = 3.
    battery(50, 2000, T0.plusSeconds(1));
    harness.watermark(T0.plusSeconds(10).toEpochMilli());
    FlexibilityReport building = find(reports(), Scope.BUILDING, HQ);
    assertFlex(building, 3, 7, 3, 5.6);
    // No meter reported: every device is unknown and offers nothing.
    assertThat(find(reports(), Scope.DEVICE, "hvac").state()).isEqualTo("unknown");
    assertThat(find(reports(), Scope.DEVICE, "hvac").powerW()).isNull();
  }

  @Test
  void shouldContinueIdenticallyAfterRestoringFromASnapshot() throws Exception {
    harness = harness(null);
    registry();
    steady(T0.plusSeconds(1));
    harness.watermark(T0.plusSeconds(10).toEpochMilli());
    OperatorSubtaskState snapshot = harness.snapshot(1, 1);
    harness.watermark(T0.plusSeconds(20).toEpochMilli());
    List<FlexibilityReport> expected = reports().subList(6, 12);
    harness.close();

    harness = harness(snapshot);
    assertThat(entries(HQ, FlexibilityFunction.METERS)).isEqualTo(3);
    assertThat(entries(HQ, FlexibilityFunction.BATTERIES)).isEqualTo(1);
    harness.watermark(T0.plusSeconds(20).toEpochMilli());
    // The registry (broadcast state) and the timer chain came back with the snapshot.
    assertThat(reports()).containsExactlyElementsOf(expected);
  }

  @Test
  void shouldForgetWhatLeavesTheRegistryAndStopWhenNothingIsLeft() throws Exception {
    harness = harness(null);
    registry();
    steady(T0.plusSeconds(1));
    harness.watermark(T0.plusSeconds(10).toEpochMilli());

    remove(RegistryKey.device("hvac"));
    assertThat(entries(HQ, FlexibilityFunction.METERS)).isEqualTo(2); // hvac-meter gone
    remove(RegistryKey.battery("bat"));
    assertThat(entries(HQ, FlexibilityFunction.BATTERIES)).isZero();
    harness.watermark(T0.plusSeconds(20).toEpochMilli());
    List<FlexibilityReport> second = reports().subList(6, reports().size());
    assertThat(second).extracting(FlexibilityReport::id).doesNotContain("hvac");
    assertFlex(find(second, Scope.BUILDING, HQ), 7.4, 0, 7.4, 0);

    remove(RegistryKey.device("ev"));
    remove(RegistryKey.device("plugs"));
    int before = reports().size();
    harness.watermark(T0.plusSeconds(30).toEpochMilli());
    assertThat(reports()).hasSize(before); // nothing left: no report, the chain stops
    assertThat(keysWithState()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void shouldPruneStaleInputsAndClearTheBuildingWhenNothingIsFresh() throws Exception {
    harness = harness(null);
    registry();
    steady(T0.plusSeconds(1));
    // Only the HVAC keeps reporting; the others age out after staleAfter (2 min).
    for (int s = 11; s <= 130; s += 10) {
      power("hvac-meter", 1500, T0.plusSeconds(s));
      harness.watermark(T0.plusSeconds(s - 1).toEpochMilli());
    }
    harness.watermark(T0.plusSeconds(130).toEpochMilli());
    assertThat(entries(HQ, FlexibilityFunction.METERS)).isEqualTo(1);
    assertThat(entries(HQ, FlexibilityFunction.BATTERIES)).isZero();
    FlexibilityReport building = find(reports(), Scope.BUILDING, HQ);
    assertFlex(building, 0, 1.5, 0, 0.75);
    assertThat(find(reports(), Scope.DEVICE, "ev").state()).isEqualTo("unknown");

    // Then silence: two minutes later nothing is fresh and the building's state is gone.
    harness.watermark(T0.plusSeconds(300).toEpochMilli());
    assertThat(keysWithState()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void shouldIgnoreInputsOfUnregisteredDevicesAndBatteries() throws Exception {
    harness = harness(null);
    power("hvac-meter", 1500, T0); // registry not loaded yet
    battery(50, 0, T0);
    assertThat(keysWithState()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
    assertThat(reports()).isEmpty();
  }
}
