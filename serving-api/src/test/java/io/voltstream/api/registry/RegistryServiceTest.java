package io.voltstream.api.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voltstream.api.error.ApiException;
import io.voltstream.api.store.InMemoryReplicatedMap;
import io.voltstream.model.Building;
import io.voltstream.model.RegistryKey;
import io.voltstream.model.Room;
import io.voltstream.model.Sensor;
import io.voltstream.model.SensorType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistryServiceTest {
  private final InMemoryReplicatedMap<Object> log = new InMemoryReplicatedMap<>();
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private final RegistryService registry =
      new RegistryService(log, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void shouldPutRoomsWithoutBuildingIntoTheDefaultBuilding() {
    Room r = registry.createRoom(new Room("kitchen", null, 12.5));

    assertThat(r.building()).isEqualTo(Building.DEFAULT_ID);
    assertThat(registry.building(Building.DEFAULT_ID)).isPresent();
    assertThat(log.get(RegistryKey.room("kitchen").encode()))
        .contains(new Room("kitchen", "default", 12.5));
  }

  @Test
  void shouldRejectARoomInAnUnknownBuildingWith422() {
    assertKind(
        () -> registry.createRoom(new Room("kitchen", "hq", null)),
        ApiException.Kind.UNPROCESSABLE,
        "building");
  }

  @Test
  void shouldRejectDuplicatesWith409() {
    registry.createBuilding(new Building("hq", "HQ", null, null, null));
    registry.createRoom(new Room("kitchen", "hq", null));
    registry.createSensor(new Sensor("m1", "kitchen", SensorType.MULTI, null, null));

    assertKind(
        () -> registry.createBuilding(new Building("hq", "again", null, null, null)),
        ApiException.Kind.CONFLICT,
        null);
    assertKind(
        () -> registry.createRoom(new Room("kitchen", null, null)),
        ApiException.Kind.CONFLICT,
        null);
    assertKind(
        () -> registry.createSensor(new Sensor("m1", "kitchen", SensorType.CO2, null, null)),
        ApiException.Kind.CONFLICT,
        null);
  }

  @Test
  void shouldRejectASensorInAnUnknownRoomWith422NamingRoom() {
    assertKind(
        () -> registry.createSensor(new Sensor("m1", "attic", SensorType.CO2, null, null)),
        ApiException.Kind.UNPROCESSABLE,
        "room");
  }

  @Test
  void shouldRefuseToDeleteARoomWithSensorsUnlessForced() {
    registry.createRoom(new Room("kitchen", null, null));
    registry.createSensor(new Sensor("m1", "kitchen", SensorType.MULTI, null, null));

    assertKind(() -> registry.deleteRoom("kitchen", false), ApiException.Kind.CONFLICT, null);
    assertThat(registry.room("kitchen")).isPresent();

    registry.deleteRoom("kitchen", true);

    assertThat(registry.room("kitchen")).isEmpty();
    assertThat(registry.sensor("m1")).isEmpty();
    assertThat(log.snapshot()).doesNotContainKeys("room:kitchen", "sensor:m1");
  }

  @Test
  void shouldRefuseToDeleteABuildingWithRoomsUnlessForced() {
    registry.createBuilding(new Building("hq", null, null, null, null));
    registry.createRoom(new Room("lab", "hq", null));
    registry.createSensor(new Sensor("s1", "lab", SensorType.CO2, null, null));

    assertKind(() -> registry.deleteBuilding("hq", false), ApiException.Kind.CONFLICT, null);
    registry.deleteBuilding("hq", true);

    assertThat(registry.buildings()).extracting(Building::id).doesNotContain("hq");
    assertThat(registry.rooms()).isEmpty();
    assertThat(registry.sensors()).isEmpty();
  }

  @Test
  void shouldMoveASensorToAnotherExistingRoom() {
    registry.createRoom(new Room("kitchen", null, null));
    registry.createRoom(new Room("office", null, null));
    registry.createSensor(new Sensor("m1", "kitchen", SensorType.MULTI, "meter", false));

    Sensor moved =
        registry.updateSensor("m1", new Sensor(null, "office", SensorType.MULTI, "meter", true));

    assertThat(moved)
        .as("the new room holds from now, the old one is kept for replays")
        .isEqualTo(
            new Sensor(
                "m1",
                "office",
                SensorType.MULTI,
                "meter",
                true,
                NOW,
                List.of(new Sensor.RoomVersion("kitchen", null))));
    assertThat(registry.sensorsIn("office")).containsExactly(moved);
    assertThat(registry.sensorsIn("kitchen")).isEmpty();
    assertThat(log.get(RegistryKey.sensor("m1").encode())).contains(moved);
  }

  @Test
  void shouldVersionARoomsBuildingAndIgnoreVersionsSentByTheClient() {
    registry.createBuilding(new Building("hq", "HQ", null, null, null));
    Room created =
        registry.createRoom(
            new Room(
                "kitchen",
                null,
                null,
                NOW.minusSeconds(5),
                List.of(new Room.BuildingVersion("x", null))));
    assertThat(created).isEqualTo(new Room("kitchen", "default", null));

    Room renamedArea = registry.updateRoom("kitchen", new Room("kitchen", "default", 10.0));
    Room moved = registry.updateRoom("kitchen", new Room("kitchen", "hq", 10.0));

    assertThat(renamedArea.effectiveFrom()).as("same building: same version").isNull();
    assertThat(moved)
        .isEqualTo(
            new Room(
                "kitchen", "hq", 10.0, NOW, List.of(new Room.BuildingVersion("default", null))));
  }

  @Test
  void shouldRejectABodyIdThatDiffersFromThePath() {
    registry.createRoom(new Room("kitchen", null, null));
    assertKind(
        () -> registry.updateRoom("kitchen", new Room("office", null, null)),
        ApiException.Kind.BAD_REQUEST,
        "name");
  }

  @Test
  void shouldAnswer404ForMissingEntities() {
    assertKind(() -> registry.requireRoom("attic"), ApiException.Kind.NOT_FOUND, null);
    assertKind(
        () -> registry.updateSensor("ghost", new Sensor(null, "x", SensorType.CO2, null, null)),
        ApiException.Kind.NOT_FOUND,
        null);
    assertKind(() -> registry.deleteBuilding("nowhere", false), ApiException.Kind.NOT_FOUND, null);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        ".",
        "..",
        "a b",
        "a/b",
        "kitchen'; DROP",
        "x\"y",
        "café",
        "a\nb",
        "room%2F..",
        "0123456789012345678901234567890123456789012345678901234567890123456789"
      })
  void shouldRejectNamesThatAreNotUrlSafe(String name) {
    assertKind(
        () -> registry.createRoom(new Room(name, null, null)),
        ApiException.Kind.BAD_REQUEST,
        "name");
    assertThat(log.snapshot()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"kitchen", "Room_1", "floor-2.east", "a", "..a"})
  void shouldAcceptUrlSafeNames(String name) {
    assertThat(registry.createRoom(new Room(name, null, null)).name()).isEqualTo(name);
  }

  @Test
  void shouldRejectNonPositiveArea() {
    assertKind(
        () -> registry.createRoom(new Room("kitchen", null, -3.0)),
        ApiException.Kind.BAD_REQUEST,
        "area_m2");
  }

  private static void assertKind(
      ThrowableAssert.ThrowingCallable call, ApiException.Kind kind, String field) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(kind);
              if (field != null) {
                assertThat(e.errors()).extracting(f -> f.field()).contains(field);
              }
            });
  }

  @Test
  void shouldKeepDemandResponseSettingsWhenAttributesOrOtherSettingsChange() {
    registry.createBuilding(new Building("hq", "HQ", null, null, null));
    var dr = new io.voltstream.energy.dr.DrSettings(true, 0.2, 1.3);
    registry.updateDemandResponse("hq", dr);
    registry.updateBuilding("hq", new Building("hq", "Head office", "Main st", null, null));
    registry.updateBuildingSettings(
        "hq", null, io.voltstream.energy.dispatch.DispatchSettings.defaults());
    Building b = registry.requireBuilding("hq");
    assertThat(b.name()).isEqualTo("Head office");
    assertThat(b.dispatch()).isEqualTo(io.voltstream.energy.dispatch.DispatchSettings.defaults());
    assertThat(b.demandResponse()).isEqualTo(dr);
  }
}
