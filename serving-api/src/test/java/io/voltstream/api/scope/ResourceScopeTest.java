package io.voltstream.api.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voltstream.api.auth.Principal;
import io.voltstream.api.auth.Role;
import io.voltstream.api.error.ApiException;
import io.voltstream.api.registry.RegistryService;
import io.voltstream.api.store.InMemoryReplicatedMap;
import io.voltstream.model.Building;
import io.voltstream.model.Room;
import io.voltstream.model.Sensor;
import io.voltstream.model.SensorType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hierarchical scope rule on a small registry: hq ⊇ kitchen ⊇ k1, hq ⊇ lobby ⊇ l1, annex ⊇ lab.
 */
class ResourceScopeTest {
  private RegistryService registry;
  private ResourceScope scope;

  @BeforeEach
  void registry() {
    registry = new RegistryService(new InMemoryReplicatedMap<>());
    registry.createBuilding(new Building("hq", "HQ", null, null, null));
    registry.createBuilding(new Building("annex", "Annex", null, null, null));
    registry.createRoom(new Room("kitchen", "hq", null));
    registry.createRoom(new Room("lobby", "hq", null));
    registry.createRoom(new Room("lab", "annex", null));
    registry.createSensor(new Sensor("k1", "kitchen", SensorType.POWER, null, null));
    registry.createSensor(new Sensor("l1", "lobby", SensorType.POWER, null, null));
    scope = new ResourceScope(registry);
  }

  @Test
  void shouldLetABuildingGrantCoverItsRoomsAndTheirSensors() {
    Principal hq = token("building:hq");
    assertThat(scope.coversRoom(hq, "kitchen")).isTrue();
    assertThat(scope.coversSensor(hq, "k1", null)).isTrue();
    assertThat(scope.coversRoom(hq, "lab")).isFalse();
    assertThat(scope.coversBuilding(hq, "annex")).isFalse();
  }

  @Test
  void shouldLetARoomGrantSeeButNotCoverItsBuilding() {
    Principal kitchen = token("room:kitchen");
    assertThat(scope.coversSensor(kitchen, "k1", null)).isTrue();
    assertThat(scope.coversSensor(kitchen, "l1", null)).isFalse();
    assertThat(scope.seesBuilding(kitchen, "hq")).isTrue();
    assertThat(scope.coversBuilding(kitchen, "hq")).isFalse();
    assertThatThrownBy(() -> scope.requireBuilding(kitchen, "hq"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("building 'hq'");
  }

  @Test
  void shouldLetASensorGrantSeeItsRoomButNotItsRoomData() {
    Principal k1 = token("sensor:k1");
    Room kitchen = registry.room("kitchen").orElseThrow();
    assertThat(scope.seesRoom(k1, kitchen)).isTrue();
    assertThat(scope.coversRoom(k1, "kitchen")).isFalse();
    assertThat(scope.seesRoom(k1, registry.room("lobby").orElseThrow())).isFalse();
  }

  @Test
  void shouldFollowASensorToTheRoomTheRegistryNowAssigns() {
    Principal lab = token("room:lab");
    assertThat(scope.coversSensor(lab, "k1", "lab"))
        .as("registered: the registry's room wins over the hint")
        .isFalse();
    registry.updateSensor("k1", new Sensor("k1", "lab", SensorType.POWER, null, null));
    assertThat(scope.coversSensor(lab, "k1", null)).isTrue();
    assertThat(scope.coversSensor(lab, "unregistered", "lab"))
        .as("unregistered: the claimed room")
        .isTrue();
  }

  @Test
  void shouldCoverAnUnregisteredRoomOnlyByAGrantNamingIt() {
    assertThat(scope.coversRoom(token("room:attic"), "attic")).isTrue();
    assertThat(scope.coversRoom(token("building:hq"), "attic")).isFalse();
  }

  @Test
  void shouldRequireScopedTokensToNameCoveredFilters() {
    Principal hq = token("building:hq");
    scope.requireFilters(hq, List.of("kitchen"), List.of("l1"));
    assertThatThrownBy(() -> scope.requireFilters(hq, List.of(), List.of()))
        .hasMessageContaining("name the rooms");
    assertThatThrownBy(() -> scope.requireFilters(hq, List.of("lab"), List.of()))
        .hasMessageContaining("room 'lab'");
    scope.requireFilters(token(), List.of(), List.of());
  }

  @Test
  void shouldTreatAWildcardAsEveryResourceOfItsKindAndNoPermissionsAsEverything() {
    assertThat(scope.coversBuilding(token("building:*"), "annex")).isTrue();
    assertThat(scope.coversRoom(token("building:*"), "lab")).isTrue();
    assertThat(scope.coversBuilding(token("room:*"), "hq")).isFalse();
    assertThat(scope.coversSensor(token(), "anything", null)).isTrue();
    assertThatThrownBy(() -> ResourceScope.requireUnscoped(token("room:lab"), "manage tokens"))
        .hasMessageContaining("may not manage tokens");
  }

  private static Principal token(String... permissions) {
    Instant now = Instant.parse("2026-11-30T00:00:00Z");
    return new Principal("t", Role.ADMIN, List.of(permissions), "id", now, now.plusSeconds(3600));
  }
}
