package io.voltstream.jobs.roommetrics;

import static io.voltstream.jobs.roommetrics.RoomTestData.T0;
import static io.voltstream.jobs.roommetrics.RoomTestData.meter;
import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.jobs.io.RegistryChange;
import io.voltstream.jobs.roommetrics.logic.RoomReading;
import io.voltstream.model.RegistryKey;
import io.voltstream.model.SensorReading;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.BroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoomAssignmentFunctionTest {

  private BroadcastOperatorTestHarness<SensorReading, RegistryChange, RoomReading> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forBroadcastProcessFunction(
            new RoomAssignmentFunction(), RoomAssignmentFunction.REGISTRY_VIEW);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  @Test
  void shouldAssignTheRegisteredRoomAndBuildingOverThePayloadRoom() throws Exception {
    harness.processBroadcastElement(sensor("m1", "kitchen"), 0);
    harness.processBroadcastElement(room("kitchen", "hq"), 0);

    harness.processElement(
        new StreamRecord<>(meter("m1", "garage", T0, 0.1, 100), T0.toEpochMilli()));

    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(
            rr -> {
              assertThat(rr.room()).isEqualTo("kitchen");
              assertThat(rr.building()).isEqualTo("hq");
              assertThat(rr.reading().room()).isEqualTo("kitchen");
            });
    assertThat(harness.extractOutputStreamRecords())
        .singleElement()
        .satisfies(r -> assertThat(r.getTimestamp()).isEqualTo(T0.toEpochMilli()));
  }

  @Test
  void shouldRemoveEntriesOnTombstonesAndFallBackToThePayloadRoom() throws Exception {
    harness.processBroadcastElement(sensor("m1", "kitchen"), 0);
    harness.processBroadcastElement(room("kitchen", "hq"), 0);
    harness.processBroadcastElement(new RegistryChange(RegistryKey.sensor("m1"), null), 1);
    harness.processBroadcastElement(new RegistryChange(RegistryKey.room("kitchen"), null), 1);

    harness.processElement(
        new StreamRecord<>(meter("m1", "garage", T0, 0.1, 100), T0.toEpochMilli()));

    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(rr -> assertThat(rr.room()).isEqualTo("garage"));
    assertThat(harness.getBroadcastState(RoomAssignmentFunction.REGISTRY_VIEW).entries()).isEmpty();
  }

  @Test
  void shouldKeepThePreviousEntryWhenARegistryValueIsMalformed() throws Exception {
    harness.processBroadcastElement(sensor("m1", "kitchen"), 0);
    harness.processBroadcastElement(new RegistryChange(RegistryKey.sensor("m1"), "{oops"), 1);

    harness.processElement(new StreamRecord<>(meter("m1", null, T0, 0.1, 100), T0.toEpochMilli()));

    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(rr -> assertThat(rr.room()).isEqualTo("kitchen"));
  }

  @Test
  void shouldKeepOnlyLiveRegistryEntriesInBroadcastState() throws Exception {
    harness.processBroadcastElement(sensor("m1", "kitchen"), 0);
    harness.processBroadcastElement(sensor("m2", "hall"), 0);
    harness.processBroadcastElement(
        new RegistryChange(RegistryKey.building("hq"), "{\"id\":\"hq\"}"), 0);
    harness.processBroadcastElement(new RegistryChange(RegistryKey.sensor("m2"), null), 0);

    assertThat(harness.getBroadcastState(RoomAssignmentFunction.REGISTRY_VIEW).entries())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getKey()).isEqualTo("sensor:m1");
              assertThat(e.getValue()).isEqualTo("kitchen");
            });
  }

  static RegistryChange sensor(String id, String room) {
    return new RegistryChange(
        RegistryKey.sensor(id),
        "{\"sensor_id\":\"" + id + "\",\"room\":\"" + room + "\",\"sensor_type\":\"energy\"}");
  }

  static RegistryChange room(String name, String building) {
    return new RegistryChange(
        RegistryKey.room(name), "{\"name\":\"" + name + "\",\"building\":\"" + building + "\"}");
  }
}
