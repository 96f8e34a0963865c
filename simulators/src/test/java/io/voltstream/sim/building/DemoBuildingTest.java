package io.voltstream.sim.building;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.model.SensorType;
import io.voltstream.sim.device.RoomKind;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoBuildingTest {

  @Test
  void shouldHaveSixNamedRoomsAndThePvRoofByDefault() {
    BuildingLayout layout = DemoBuilding.layout(6, 1);
    assertThat(layout.buildingId()).isEqualTo("demo");
    assertThat(layout.rooms())
        .extracting(SimRoom::name)
        .containsExactly(
            "kitchen", "living-room", "office", "bedroom-1", "bedroom-2", "bathroom", "roof");
    assertThat(layout.sensors())
        .extracting(SimSensor::sensorId)
        .contains("kitchen-meter", "roof-pv");
    assertThat(layout.sensorsIn("roof"))
        .singleElement()
        .extracting(SimSensor::sensorType)
        .isEqualTo(SensorType.PV);
  }

  @Test
  void shouldAddRoomsAndSplitARoomsLoadAmongItsMeters() {
    BuildingLayout layout = DemoBuilding.layout(9, 3);
    assertThat(layout.rooms()).hasSize(10);
    assertThat(layout.room("room-7")).get().extracting(SimRoom::kind).isEqualTo(RoomKind.BEDROOM);
    assertThat(layout.sensorsIn("kitchen"))
        .extracting(SimSensor::sensorId)
        .containsExactly("kitchen-meter", "kitchen-meter-2", "kitchen-meter-3");
    assertThat(layout.sensorsIn("kitchen"))
        .allSatisfy(s -> assertThat(s.loadShare()).isEqualTo(1.0 / 3));
    assertThat(layout.sensors()).hasSize(9 * 3 + 1);
  }

  @Test
  void shouldMixUnitsAcrossDevices() {
    Set<String> energyUnits =
        DemoBuilding.layout(6, 1).sensors().stream()
            .map(s -> s.units().energyUnit())
            .collect(Collectors.toSet());
    Set<String> temperatureUnits =
        DemoBuilding.layout(6, 1).sensors().stream()
            .map(s -> s.units().temperatureUnit())
            .collect(Collectors.toSet());
    assertThat(energyUnits).containsExactlyInAnyOrder("Wh", "kWh");
    assertThat(temperatureUnits).contains("C", "F");
  }

  @Test
  void shouldUseTopicsOfTheDeviceContract() {
    assertThat(DemoBuilding.layout(1, 1).sensors().get(0).readingsTopic())
        .isEqualTo("sensors/kitchen-meter/readings");
  }
}
