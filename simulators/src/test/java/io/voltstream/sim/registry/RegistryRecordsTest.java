package io.voltstream.sim.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voltstream.energy.market.MarketMembership;
import io.voltstream.energy.market.MarketMode;
import io.voltstream.energy.market.MarketSpec;
import io.voltstream.model.Building;
import io.voltstream.model.Json;
import io.voltstream.model.RegistryKey;
import io.voltstream.model.Room;
import io.voltstream.model.Sensor;
import io.voltstream.model.SensorType;
import io.voltstream.model.Topics;
import io.voltstream.sim.building.DemoBuilding;
import io.voltstream.sim.scenario.CommunityMember;
import io.voltstream.sim.scenario.DemoCommunity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryRecordsTest {
  private final List<RegistryRecord> records = RegistryRecords.of(DemoBuilding.layout(6, 1));

  @Test
  void shouldDeclareTheBuildingThenItsRoomsThenItsSensors() {
    assertThat(records)
        .extracting(r -> r.key().encode())
        .containsExactly(
            "building:demo",
            "room:kitchen",
            "room:living-room",
            "room:office",
            "room:bedroom-1",
            "room:bedroom-2",
            "room:bathroom",
            "room:roof",
            "sensor:kitchen-meter",
            "sensor:living-room-meter",
            "sensor:office-meter",
            "sensor:bedroom-1-meter",
            "sensor:bedroom-2-meter",
            "sensor:bathroom-meter",
            "sensor:roof-pv");
  }

  @Test
  void shouldPutEveryRoomInBuildingDemoAndEverySensorInItsRoom() {
    assertThat(records)
        .filteredOn(r -> r.key().kind() == RegistryKey.Kind.ROOM)
        .allSatisfy(r -> assertThat(((Room) r.value()).building()).isEqualTo("demo"));
    assertThat(records)
        .filteredOn(r -> r.key().kind() == RegistryKey.Kind.SENSOR)
        .extracting(r -> (Sensor) r.value())
        .contains(new Sensor("roof-pv", "roof", SensorType.PV, "Rooftop PV meter", false))
        .allSatisfy(s -> assertThat(s.sensorType()).isIn(SensorType.MULTI, SensorType.PV));
    assertThat(((Building) records.get(0).value()).latitude()).isEqualTo(DemoBuilding.LATITUDE_DEG);
  }

  @Test
  void shouldDeclareTheSameRecordsOnEveryStart() {
    assertThat(RegistryRecords.of(DemoBuilding.layout(6, 1))).isEqualTo(records);
  }

  @Test
  void shouldEncodeValuesAsTheModelsSnakeCaseJson() throws Exception {
    String json =
        new String(Topics.REGISTRY.encodeValue(records.get(1).value()), StandardCharsets.UTF_8);
    assertThat(json).contains("\"name\":\"kitchen\"", "\"building\":\"demo\"", "\"area_m2\":14.0");
    assertThat(
            Json.MAPPER.readValue(
                Topics.REGISTRY.encodeValue(records.get(8).value()), Sensor.class))
        .isEqualTo(records.get(8).value());
    assertThat(
            Topics.REGISTRY.decodeValue(
                records.get(8).key().encode(), Topics.REGISTRY.encodeValue(records.get(8).value())))
        .isEqualTo(records.get(8).value());
  }

  @Test
  void shouldRegisterTheUciHouseInItsOwnBuilding() {
    List<RegistryRecord> uci = RegistryRecords.ofUciHouse();
    assertThat(uci.get(0).key()).isEqualTo(RegistryKey.building("uci-house"));
    assertThat(uci)
        .filteredOn(r -> r.key().kind() == RegistryKey.Kind.ROOM)
        .hasSize(10)
        .allSatisfy(r -> assertThat(((Room) r.value()).building()).isEqualTo("uci-house"));
    assertThat(uci).filteredOn(r -> r.key().kind() == RegistryKey.Kind.SENSOR).hasSize(10);
  }

  @Test
  void shouldGiveTheDemoBuildingAutomaticDemandResponse() {
    assertThat(((Building) records.get(0).value()).demandResponse())
        .isEqualTo(new io.voltstream.energy.dr.DrSettings(true, 0.0, 1.1));
  }

  @Test
  void shouldDeclareEachDeviceAfterItsMeterSensorInItsRoom() {
    var specs =
        io.voltstream.sim.scenario.DemoDevices.all().stream()
            .map(io.voltstream.sim.scenario.DemoDevices.DemoDevice::spec)
            .toList();
    List<RegistryRecord> devices =
        RegistryRecords.ofDevices("demo", List.of(new Room("garage", "demo", 18.0)), specs);
    assertThat(devices)
        .extracting(r -> r.key().encode())
        .startsWith("room:garage", "sensor:living-room-hvac")
        .contains("device:ev-charger", "sensor:ev-charger", "device:office-ventilation")
        .hasSize(1 + 2 * specs.size());
    assertThat(devices)
        .filteredOn(r -> r.key().encode().equals("sensor:office-ventilation"))
        .extracting(r -> (Sensor) r.value())
        .containsExactly(
            new Sensor(
                "office-ventilation",
                "office",
                SensorType.HVAC,
                "Office ventilation fan meter",
                false));
    assertThat(devices)
        .filteredOn(r -> r.key().encode().equals("sensor:kitchen-plugs"))
        .extracting(r -> ((Sensor) r.value()).sensorType())
        .containsExactly(SensorType.PLUG);
  }

  @Test
  void shouldDeclareTheCommunityMarketThenEveryMemberThenTheirBatteries() {
    List<RegistryRecord> community =
        RegistryRecords.ofCommunity(
            DemoCommunity.market(), DemoCommunity.members(DemoBuilding.layout(6, 1)));
    assertThat(community.get(0).key().encode()).isEqualTo("market:community");
    assertThat(community.get(0).value())
        .isEqualTo(new MarketSpec("community", "Community market", MarketMode.PAY_AS_CLEAR, 300));
    assertThat(community)
        .extracting(r -> r.key().encode())
        .containsSubsequence(
            "market:community",
            "building:demo",
            "sensor:roof-pv",
            "building:home-east",
            "room:home-east-main",
            "sensor:home-east-meter",
            "sensor:home-east-pv",
            "building:office-west",
            "room:office-west-main",
            "sensor:office-west-meter",
            "sensor:office-west-pv",
            "battery:demo-battery-1",
            "battery:demo-battery-2",
            "battery:home-east-battery")
        .doesNotHaveDuplicates();
    List<Building> buildings =
        community.stream()
            .filter(r -> r.key().kind() == RegistryKey.Kind.BUILDING)
            .map(r -> (Building) r.value())
            .toList();
    assertThat(buildings)
        .extracting(Building::id)
        .containsExactly("demo", "home-east", "office-west");
    assertThat(buildings)
        .allSatisfy(b -> assertThat(b.market()).isEqualTo(new MarketMembership("community", true)));
    assertThat(buildings.get(0).tariff()).isNull();
    assertThat(buildings.get(2).tariffOrDefault().name()).isEqualTo("be-tou-business");
    assertThat(community)
        .filteredOn(r -> r.key().encode().equals("sensor:office-west-meter"))
        .extracting(r -> (Sensor) r.value())
        .containsExactly(
            new Sensor(
                "office-west-meter",
                "office-west-main",
                SensorType.ENERGY,
                "Office West main meter",
                false));
    assertThat(community)
        .filteredOn(r -> r.key().encode().equals("room:home-east-main"))
        .extracting(r -> ((Room) r.value()).building())
        .containsExactly("home-east");
  }

  @Test
  void shouldRefuseAMemberOfAnotherMarket() {
    var member = DemoCommunity.members(DemoBuilding.layout(1, 1)).get(0);
    var elsewhere =
        new CommunityMember(member.layout(), null, new MarketMembership("other", true), List.of());
    assertThatThrownBy(
            () -> RegistryRecords.ofCommunity(DemoCommunity.market(), List.of(elsewhere)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("other");
  }

  @Test
  void shouldEncodeTheMembershipAndTheMarketAsSnakeCaseJson() {
    List<RegistryRecord> community =
        RegistryRecords.ofCommunity(
            DemoCommunity.market(), DemoCommunity.members(DemoBuilding.layout(1, 1)));
    assertThat(
            new String(
                Topics.REGISTRY.encodeValue(community.get(0).value()), StandardCharsets.UTF_8))
        .containsIgnoringCase("\"mode\":\"pay_as_clear\"")
        .contains("\"gate_closure_seconds\":300");
    assertThat(
            new String(
                Topics.REGISTRY.encodeValue(community.get(1).value()), StandardCharsets.UTF_8))
        .contains("\"market\":{\"market\":\"community\",\"agent\":true}");
  }
}
