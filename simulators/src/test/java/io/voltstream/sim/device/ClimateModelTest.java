package io.voltstream.sim.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.sim.device.climate.Co2Model;
import io.voltstream.sim.device.climate.IndoorClimate;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClimateModelTest {
  private static final double VOLUME_M3 = 35;
  private static final double ACH = 0.5;

  @Test
  void shouldRaiseCo2WithMoreOccupants() {
    double empty = Co2Model.step(500, 0, VOLUME_M3, ACH, Duration.ofMinutes(30));
    double one = Co2Model.step(500, 1, VOLUME_M3, ACH, Duration.ofMinutes(30));
    double three = Co2Model.step(500, 3, VOLUME_M3, ACH, Duration.ofMinutes(30));
    assertThat(one).isGreaterThan(500);
    assertThat(three).isGreaterThan(one);
    assertThat(empty).isLessThan(500);
  }

  @Test
  void shouldDecayTowardOutdoorAirWhenTheRoomEmpties() {
    double afterHour = Co2Model.step(1500, 0, VOLUME_M3, ACH, Duration.ofHours(1));
    double afterDay = Co2Model.step(1500, 0, VOLUME_M3, ACH, Duration.ofDays(1));
    assertThat(afterHour).isBetween(Co2Model.OUTDOOR_PPM, 1500.0);
    // Exponential decay with rate ACH: the gap shrinks by e^-0.5 in an hour.
    assertThat(afterHour - Co2Model.OUTDOOR_PPM)
        .isCloseTo((1500 - Co2Model.OUTDOOR_PPM) * Math.exp(-0.5), within(0.5));
    assertThat(afterDay).isCloseTo(Co2Model.OUTDOOR_PPM, within(1.0));
  }

  @Test
  void shouldDecayFasterWithMoreVentilation() {
    assertThat(Co2Model.step(1500, 0, VOLUME_M3, 2.0, Duration.ofMinutes(30)))
        .isLessThan(Co2Model.step(1500, 0, VOLUME_M3, 0.5, Duration.ofMinutes(30)));
  }

  @Test
  void shouldGiveTheSameResultForOneLongStepAsForManyShortOnes() {
    double once = Co2Model.step(600, 2, VOLUME_M3, ACH, Duration.ofMinutes(60));
    double many = 600;
    for (int i = 0; i < 12; i++) {
      many = Co2Model.step(many, 2, VOLUME_M3, ACH, Duration.ofMinutes(5));
    }
    assertThat(many).isCloseTo(once, within(1e-6));
  }

  @Test
  void shouldSettleAroundATypicalOccupiedBedroomLevel() {
    // Two sleepers in a closed bedroom: well above 1000 ppm, as measured in real bedrooms.
    assertThat(
            Co2Model.steadyStatePpm(
                2, RoomKind.BEDROOM.volumeM3(), RoomKind.BEDROOM.airChangesPerHour()))
        .isBetween(1500.0, 3000.0);
  }

  @Test
  void shouldDriftTemperatureTowardASetpointPulledByOutdoorAir() {
    double cold = IndoorClimate.equilibriumTemperatureC(21, -5, 0);
    double mild = IndoorClimate.equilibriumTemperatureC(21, 15, 0);
    assertThat(cold).isLessThan(mild).isLessThan(21);
    double t = 16;
    for (int i = 0; i < 48; i++) {
      t = IndoorClimate.stepTemperatureC(t, mild, Duration.ofMinutes(15));
    }
    assertThat(t).isCloseTo(mild, within(0.1));
  }

  @Test
  void shouldFloatAboveTheSetpointInWarmWeather() {
    double summer = IndoorClimate.equilibriumTemperatureC(19, 24, 0);
    assertThat(summer).isGreaterThan(22).isLessThan(27);
    assertThat(IndoorClimate.equilibriumTemperatureC(19, 24, 2))
        .isCloseTo(summer + 0.6, within(1e-9));
  }

  @Test
  void shouldRaiseHumidityWhenShowering() {
    assertThat(IndoorClimate.equilibriumHumidityPercent(22, 1, true))
        .isGreaterThan(IndoorClimate.equilibriumHumidityPercent(22, 1, false) + 20);
  }
}
