package io.voltstream.jobs.roommetrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.energy.tariff.Tariff;
import io.voltstream.energy.tariff.Tariffs;
import io.voltstream.jobs.io.RegistryChange;
import io.voltstream.model.Building;
import io.voltstream.model.Json;
import io.voltstream.model.RegistryKey;
import io.voltstream.model.RoomMetrics;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithNonKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.TwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RoomCostFunctionTest {
  private static final Instant NOON = Instant.parse("2026-01-14T11:00:00Z");

  /** A flat tariff: 0.50 €/kWh import, 0.10 €/kWh feed-in, around the clock. */
  private static final Tariff FLAT =
      new Tariff(
          "flat",
          ZoneOffset.UTC,
          Collections.nCopies(24, 0.50),
          Collections.nCopies(24, 0.50),
          0.10,
          0,
          Collections.nCopies(24, 100.0));

  private TwoInputStreamOperatorTestHarness<RoomMetrics, RegistryChange, RoomMetrics> harness;

  private static TwoInputStreamOperatorTestHarness<RoomMetrics, RegistryChange, RoomMetrics>
      harness(OperatorSubtaskState restoreFrom) throws Exception {
    var h =
        new TwoInputStreamOperatorTestHarness<>(
            new CoBroadcastWithNonKeyedOperator<>(
                new RoomCostFunction(), List.of(RoomCostFunction.BUILDINGS)));
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

  private static RoomMetrics window(String building, double energyKwh, double generationKwh) {
    return new RoomMetrics(
        "kitchen",
        building,
        NOON,
        NOON.plusSeconds(60),
        energyKwh,
        null,
        null,
        null,
        null,
        null,
        generationKwh,
        2);
  }

  private Double cost(RoomMetrics m) throws Exception {
    harness.processElement1(new StreamRecord<>(m, 0));
    List<RoomMetrics> out = harness.extractOutputValues();
    return out.get(out.size() - 1).costEur();
  }

  @Test
  void shouldPriceAtTheBuildingsTariffAfterARestoreAndAtTheDefaultOtherwise() throws Exception {
    harness = harness(null);
    harness.processElement2(
        new StreamRecord<>(
            new RegistryChange(
                RegistryKey.building("home"),
                Json.MAPPER.writeValueAsString(
                    new Building("home", "Home", null, null, null, FLAT, null))),
            0));
    harness.processElement2(
        new StreamRecord<>(new RegistryChange(RegistryKey.building("bad"), "{not json"), 0));
    OperatorSubtaskState snapshot = harness.snapshot(1, 1);
    harness.close();

    harness = harness(snapshot);
    assertThat(cost(window("home", 0.3, 0.1))).isCloseTo(0.10, within(1e-12)); // 0.2 × 0.50
    assertThat(cost(window("home", 0.1, 0.3))).isCloseTo(-0.02, within(1e-12)); // −0.2 × 0.10
    // Not registered: the default tariff's 0.31 import price at 12:00 Brussels.
    assertThat(cost(window("elsewhere", 0.3, 0.1)))
        .isCloseTo(0.2 * Tariffs.defaultTariff().importPriceEurPerKwh(NOON), within(1e-12));
    // Removing the building falls back to the default tariff too.
    harness.processElement2(
        new StreamRecord<>(new RegistryChange(RegistryKey.building("home"), null), 0));
    assertThat(cost(window("home", 0.3, 0.1))).isCloseTo(0.062, within(1e-12));
  }
}
