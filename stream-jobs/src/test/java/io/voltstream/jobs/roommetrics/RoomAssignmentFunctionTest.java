package io.voltstream.jobs.roommetrics;

import static io.voltstream.jobs.roommetrics.RoomTestData.T0;
import static io.voltstream.jobs.roommetrics.RoomTestData.meter;
import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.jobs.io.RegistryChange;
import io.voltstream.jobs.roommetrics.logic.RegistryVersion;
import io.voltstream.jobs.roommetrics.logic.RoomReading;
import io.voltstream.model.Json;
import io.voltstream.model.RegistryKey;
import io.voltstream.model.Room;
import io.voltstream.model.Sensor;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithNonKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.TwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoomAssignmentFunctionTest {

  /** When m1 moves from the kitchen to the hall (and the hall from hq to annex). */
  private static final Instant MOVE = T0.plusSeconds(600);

  private TwoInputStreamOperatorTestHarness<SensorReading, RegistryChange, RoomReading> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness = harness(new RoomAssignmentFunction(), null);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  private static TwoInputStreamOperatorTestHarness<SensorReading, RegistryChange, RoomReading>
      harness(RoomAssignmentFunction fn, OperatorSubtaskState restoreFrom) throws Exception {
    var h =
        new TwoInputStreamOperatorTestHarness<>(
            new CoBroadcastWithNonKeyedOperator<>(
                fn, List.of(RoomAssignmentFunction.REGISTRY_VERSIONS)));
    h.setup();
    if (restoreFrom != null) {
      h.initializeState(restoreFrom);
    }
    h.open();
    return h;
  }

  @Test
  void shouldAssignTheRegisteredRoomAndBuildingOverThePayloadRoom() throws Exception {
    harness.processElement2(sensor("m1", "kitchen"), 0);
    harness.processElement2(room("kitchen", "hq"), 0);

    harness.processElement1(
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
  void shouldAssignTheRoomAndBuildingInForceAtTheReadingsEventTime() throws Exception {
    harness.processElement2(moved(), 0);
    harness.processElement2(hallMovedToAnnex(), 0);

    assign(meter("m1", null, MOVE.minusMillis(1), 0.1, 100));
    assign(meter("m1", null, MOVE, 0.1, 100));
    assign(meter("m1", null, MOVE.plusSeconds(3600), 0.1, 100));
    // The hall's building as of each reading, also for a sensor placed there by its payload.
    assign(meter("p1", "hall", MOVE.minusSeconds(1), 0.1, 100));

    assertThat(harness.extractOutputValues())
        .extracting(rr -> rr.room() + "@" + rr.building())
        .containsExactly("kitchen@default", "hall@annex", "hall@annex", "hall@hq");
  }

  @Test
  void shouldAssignTheSameRoomsWhateverTheOrderOfRegistryAndReadings() throws Exception {
    // Live: the reading of the old room is processed before the move arrives, the one after it
    // later. Replay: the move is known before any reading. Both see the same versions.
    harness.processElement2(sensor("m1", "kitchen"), 0);
    assign(meter("m1", null, MOVE.minusSeconds(5), 0.1, 100));
    harness.processElement2(moved(), 0);
    assign(meter("m1", null, MOVE.plusSeconds(5), 0.1, 100));
    List<String> live = rooms();

    var replay = harness(new RoomAssignmentFunction(), null);
    try {
      replay.processElement2(moved(), 0);
      replay.processElement1(new StreamRecord<>(meter("m1", null, MOVE.minusSeconds(5), 0, 0)));
      replay.processElement1(new StreamRecord<>(meter("m1", null, MOVE.plusSeconds(5), 0, 0)));
      assertThat(replay.extractOutputValues()).extracting(RoomReading::room).isEqualTo(live);
    } finally {
      replay.close();
    }
    assertThat(live).containsExactly("kitchen", "hall");
  }

  @Test
  void shouldFallBackToThePayloadRoomBeforeTheFirstVersion() throws Exception {
    Sensor registeredLater = new Sensor("m1", "kitchen", SensorType.ENERGY, null, null, MOVE, null);
    harness.processElement2(change(RegistryKey.sensor("m1"), registeredLater), 0);

    assign(meter("m1", "garage", MOVE.minusSeconds(1), 0.1, 100));
    assign(meter("m1", "garage", MOVE, 0.1, 100));

    assertThat(rooms()).containsExactly("garage", "kitchen");
  }

  @Test
  void shouldRestoreTheVersionsFromASnapshot() throws Exception {
    harness.processElement2(moved(), 0);
    harness.processElement2(hallMovedToAnnex(), 0);
    OperatorSubtaskState snapshot = harness.snapshot(1, 1);
    harness.close();

    harness = harness(new RoomAssignmentFunction(), snapshot);
    assertThat(
            harness
                .getOperator()
                .getOperatorStateBackend()
                .getBroadcastState(RoomAssignmentFunction.REGISTRY_VERSIONS)
                .get("sensor:m1"))
        .containsExactly(
            new RegistryVersion(RegistryVersion.BEGINNING_OF_TIME, "kitchen"),
            new RegistryVersion(MOVE, "hall"));
    assign(meter("m1", null, MOVE.minusSeconds(1), 0.1, 100));
    assign(meter("m1", null, MOVE.plusSeconds(1), 0.1, 100));

    assertThat(harness.extractOutputValues())
        .extracting(rr -> rr.room() + "@" + rr.building())
        .containsExactly("kitchen@default", "hall@annex");
  }

  @Test
  void shouldUseTheSeedForKeysNotBroadcastYet() throws Exception {
    harness.close();
    harness =
        harness(
            new RoomAssignmentFunction(
                Map.of("sensor:m1", moved().json(), "room:hall", hallMovedToAnnex().json())),
            null);

    assign(meter("m1", null, MOVE.plusSeconds(1), 0.1, 100));
    harness.processElement2(sensor("m1", "office"), 0);
    assign(meter("m1", null, MOVE.plusSeconds(2), 0.1, 100));

    assertThat(harness.extractOutputValues())
        .extracting(rr -> rr.room() + "@" + rr.building())
        .as("the seed until the broadcast registry has the key, then the broadcast registry")
        .containsExactly("hall@annex", "office@default");
  }

  @Test
  void shouldRemoveEntriesOnTombstonesAndFallBackToThePayloadRoom() throws Exception {
    harness.processElement2(sensor("m1", "kitchen"), 0);
    harness.processElement2(room("kitchen", "hq"), 0);
    harness.processElement2(new RegistryChange(RegistryKey.sensor("m1"), null), 1);
    harness.processElement2(new RegistryChange(RegistryKey.room("kitchen"), null), 1);

    assign(meter("m1", "garage", T0, 0.1, 100));

    assertThat(rooms()).containsExactly("garage");
    assertThat(broadcast().entries()).isEmpty();
  }

  @Test
  void shouldKeepThePreviousEntryWhenARegistryValueIsMalformed() throws Exception {
    harness.processElement2(sensor("m1", "kitchen"), 0);
    harness.processElement2(new RegistryChange(RegistryKey.sensor("m1"), "{oops"), 1);

    assign(meter("m1", null, T0, 0.1, 100));

    assertThat(rooms()).containsExactly("kitchen");
  }

  @Test
  void shouldKeepOnlyLiveRegistryEntriesInBroadcastState() throws Exception {
    harness.processElement2(sensor("m1", "kitchen"), 0);
    harness.processElement2(sensor("m2", "hall"), 0);
    harness.processElement2(new RegistryChange(RegistryKey.building("hq"), "{\"id\":\"hq\"}"), 0);
    harness.processElement2(new RegistryChange(RegistryKey.sensor("m2"), null), 0);

    assertThat(broadcast().entries())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getKey()).isEqualTo("sensor:m1");
              assertThat(e.getValue())
                  .containsExactly(
                      new RegistryVersion(RegistryVersion.BEGINNING_OF_TIME, "kitchen"));
            });
  }

  private void assign(SensorReading r) throws Exception {
    harness.processElement1(new StreamRecord<>(r, r.timestamp().toEpochMilli()));
  }

  private List<String> rooms() {
    return harness.extractOutputValues().stream().map(RoomReading::room).toList();
  }

  private org.apache.flink.api.common.state.BroadcastState<String, List<RegistryVersion>>
      broadcast() throws Exception {
    return harness
        .getOperator()
        .getOperatorStateBackend()
        .getBroadcastState(RoomAssignmentFunction.REGISTRY_VERSIONS);
  }

  /** m1 in the kitchen since forever, in the hall from {@link #MOVE}. */
  static RegistryChange moved() {
    Sensor before = new Sensor("m1", "kitchen", SensorType.ENERGY, null, null);
    return change(
        RegistryKey.sensor("m1"),
        new Sensor("m1", "hall", SensorType.ENERGY, null, null).succeeding(before, MOVE));
  }

  /** The hall in hq since forever, in annex from {@link #MOVE}. */
  static RegistryChange hallMovedToAnnex() {
    return change(
        RegistryKey.room("hall"),
        new Room("hall", "annex", null).succeeding(new Room("hall", "hq", null), MOVE));
  }

  static RegistryChange change(RegistryKey key, Object value) {
    try {
      return new RegistryChange(key, Json.MAPPER.writeValueAsString(value));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
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
