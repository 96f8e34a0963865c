package io.voltstream.energy.flex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.energy.battery.BatteryState;
import io.voltstream.energy.flex.BuildingFlexibility.BatteryInput;
import io.voltstream.energy.flex.BuildingFlexibility.DeviceInput;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class BuildingFlexibilityTest {
  private static final double EPS = 1e-9;

  @Test
  void roomsSumTheirDevicesAndTheBuildingAddsItsBatteries() {
    var result =
        BuildingFlexibility.of(
            List.of("living", "garage", "attic"),
            List.of(
                new DeviceInput(
                    FlexTestData.hvac(), OptionalDouble.of(1500)), // living: 1.5 / 0.75 down
                new DeviceInput(FlexTestData.plugs(), OptionalDouble.of(300)), // living: not DR
                new DeviceInput(FlexTestData.evCharger(), OptionalDouble.of(0))), // garage: 7.4 up
            List.of(
                new BatteryInput(
                    FlexTestData.battery(),
                    Optional.of(new BatteryState("bat", Instant.EPOCH, 50, 0, 100))),
                new BatteryInput(FlexTestData.battery(), Optional.empty())));

    assertThat(result.devices()).containsOnlyKeys("ev", "hvac", "plugs");
    assertThat(result.devices().get("plugs").result().state()).isEqualTo(DeviceState.ON);

    var living = result.rooms().get("living");
    assertThat(living.flexibility()).isEqualTo(new Flexibility(0, 1.5, 0, 0.75));
    assertThat(living.drPowerW()).hasValue(1500.0); // the plugs are not DR-enabled

    var garage = result.rooms().get("garage");
    assertThat(garage.flexibility()).isEqualTo(new Flexibility(7.4, 0, 7.4, 0));
    assertThat(garage.drPowerW()).hasValue(0.0);

    var attic = result.rooms().get("attic");
    assertThat(attic.flexibility()).isEqualTo(Flexibility.NONE);
    assertThat(attic.drPowerW()).isEmpty();

    // Devices + the reporting battery (idle at 50 %: 5 up/down now, 5 up / 3.6 down over the hour);
    // the battery without a report offers nothing.
    var b = result.building().flexibility();
    assertThat(b.upNowKw()).isCloseTo(12.4, within(EPS));
    assertThat(b.downNowKw()).isCloseTo(6.5, within(EPS));
    assertThat(b.upHourKw()).isCloseTo(12.4, within(EPS));
    assertThat(b.downHourKw()).isCloseTo(4.35, within(EPS));
    assertThat(result.building().drPowerW()).hasValue(1500.0);
  }

  @Test
  void aDeviceInARoomNotListedStillGetsItsRoom() {
    var result =
        BuildingFlexibility.of(
            List.of(),
            List.of(new DeviceInput(FlexTestData.hvac(), OptionalDouble.empty())),
            List.of());
    assertThat(result.rooms()).containsOnlyKeys("living");
    assertThat(result.rooms().get("living").drPowerW()).isEmpty();
    assertThat(result.building().flexibility()).isEqualTo(Flexibility.NONE);
  }

  @Test
  void hourFiguresNeverExceedNowAndNothingIsNegative() {
    var f = new Flexibility(1, -0.0, 3, 2);
    assertThat(f.upHourKw()).isEqualTo(1.0);
    assertThat(f.downNowKw()).isEqualTo(0.0);
    assertThat(f.downHourKw()).isEqualTo(0.0);
  }
}
