package io.voltstream.sim.device;

import static io.voltstream.sim.SimTestData.BRUSSELS;
import static io.voltstream.sim.SimTestData.SEED;
import static io.voltstream.sim.SimTestData.SOLSTICE;
import static io.voltstream.sim.SimTestData.WINTER_WEDNESDAY;
import static io.voltstream.sim.SimTestData.brussels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.sim.building.DemoBuilding;
import io.voltstream.sim.device.climate.OutdoorWeather;
import io.voltstream.sim.device.pv.PvArray;
import io.voltstream.sim.device.pv.PvModel;
import io.voltstream.sim.device.pv.SolarPosition;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PvModelTest {
  private static final double LAT = DemoBuilding.LATITUDE_DEG;
  private static final double LON = DemoBuilding.LONGITUDE_DEG;
  private final PvModel pv = new PvModel(6000, LAT, LON, new OutdoorWeather(SEED, BRUSSELS));

  @Test
  void shouldReachTheTextbookNoonElevationAtTheSolstices() {
    // 90° − latitude ± 23.44° (declination at the solstices).
    Instant summerNoon = SolarPosition.solarNoon(SOLSTICE, LON);
    assertThat(SolarPosition.elevationDeg(summerNoon, LAT, LON))
        .isCloseTo(90 - LAT + 23.44, within(0.3));
    Instant winterNoon = SolarPosition.solarNoon(LocalDate.of(2026, 12, 21), LON);
    assertThat(SolarPosition.elevationDeg(winterNoon, LAT, LON))
        .isCloseTo(90 - LAT - 23.44, within(0.3));
  }

  @Test
  void shouldPlaceSolarNoonInBrusselsAroundQuarterToTwoInSummerTime() {
    Instant noon = SolarPosition.solarNoon(SOLSTICE, LON);
    assertThat(Duration.between(brussels(SOLSTICE, 13, 44), noon).abs())
        .isLessThan(Duration.ofMinutes(3));
  }

  @Test
  void shouldProduceNothingAtNight() {
    for (int h : new int[] {0, 2, 4, 23}) {
      assertThat(pv.powerW(brussels(SOLSTICE, h, 0))).as("%d:00", h).isZero();
    }
    assertThat(pv.powerW(brussels(WINTER_WEDNESDAY, 18, 0))).isZero();
    assertThat(
            pv.averagePowerW(brussels(WINTER_WEDNESDAY, 18, 0), brussels(WINTER_WEDNESDAY, 19, 0)))
        .isZero();
  }

  @Test
  void shouldPeakNearSolarNoonUnderAClearSky() {
    Instant start = brussels(SOLSTICE, 0, 0);
    Instant best = start;
    for (int m = 0; m < 24 * 60; m++) {
      Instant at = start.plusSeconds(60L * m);
      if (pv.clearSkyPowerW(at) > pv.clearSkyPowerW(best)) {
        best = at;
      }
    }
    assertThat(Duration.between(SolarPosition.solarNoon(SOLSTICE, LON), best).abs())
        .isLessThanOrEqualTo(Duration.ofMinutes(5));
    assertThat(pv.clearSkyPowerW(best)).isBetween(3500.0, 6000.0);
  }

  @Test
  void shouldYieldMoreInSummerThanInWinter() {
    assertThat(dailyKwh(SOLSTICE)).isGreaterThan(3 * dailyKwh(WINTER_WEDNESDAY));
  }

  @Test
  void shouldNeverExceedTheClearSkyOutput() {
    Instant start = brussels(SOLSTICE, 4, 0);
    for (int m = 0; m < 18 * 60; m += 7) {
      Instant at = start.plusSeconds(60L * m);
      assertThat(pv.powerW(at))
          .isLessThanOrEqualTo(pv.clearSkyPowerW(at))
          .isGreaterThanOrEqualTo(0.0);
    }
  }

  @Test
  void shouldPutTheSunDueSouthAtSolarNoonAndInTheEastInTheMorning() {
    Instant noon = SolarPosition.solarNoon(SOLSTICE, LON);
    assertThat(SolarPosition.of(noon, LAT, LON).azimuthDeg()).isCloseTo(180.0, within(1.0));
    SolarPosition.Sun morning = SolarPosition.of(brussels(SOLSTICE, 8, 0), LAT, LON);
    assertThat(morning.azimuthDeg()).isBetween(70.0, 110.0);
    assertThat(SolarPosition.of(brussels(SOLSTICE, 19, 0), LAT, LON).azimuthDeg())
        .isBetween(250.0, 290.0);
    assertThat(morning.elevationDeg())
        .isEqualTo(SolarPosition.elevationDeg(brussels(SOLSTICE, 8, 0), LAT, LON));
  }

  @Test
  void shouldScaleOutputWithThePeakPowerAndKeepAFlatArrayOnTheHorizontalIrradiance() {
    OutdoorWeather weather = new OutdoorWeather(SEED, BRUSSELS);
    PvModel flat20 = new PvModel(PvArray.horizontal(20_000), LAT, LON, weather);
    PvModel east6 = new PvModel(new PvArray(6000, 35, 90), LAT, LON, weather);
    PvModel east20 = new PvModel(new PvArray(20_000, 35, 90), LAT, LON, weather);
    Instant start = brussels(SOLSTICE, 4, 0);
    for (int m = 0; m < 18 * 60; m += 13) {
      Instant at = start.plusSeconds(60L * m);
      assertThat(flat20.powerW(at)).isCloseTo(pv.powerW(at) * 20 / 6.0, within(1e-6));
      assertThat(east20.powerW(at)).isCloseTo(east6.powerW(at) * 20 / 6.0, within(1e-6));
    }
  }

  @Test
  void shouldTurnATiltedArrayTowardsTheSunItFaces() {
    OutdoorWeather weather = new OutdoorWeather(SEED, BRUSSELS);
    PvModel east = new PvModel(new PvArray(6000, 35, 90), LAT, LON, weather);
    PvModel west = new PvModel(new PvArray(6000, 35, 270), LAT, LON, weather);
    PvModel south = new PvModel(new PvArray(6000, 35, 180), LAT, LON, weather);
    Instant noon = SolarPosition.solarNoon(WINTER_WEDNESDAY, LON);
    Instant morning = noon.minus(Duration.ofHours(3));
    Instant afternoon = noon.plus(Duration.ofHours(3));
    assertThat(east.clearSkyPowerW(morning)).isGreaterThan(2 * east.clearSkyPowerW(afternoon));
    assertThat(west.clearSkyPowerW(afternoon)).isGreaterThan(2 * west.clearSkyPowerW(morning));
    // in winter the low sun favours a tilted south roof over a flat one
    assertThat(south.clearSkyPowerW(noon)).isGreaterThan(1.3 * pv.clearSkyPowerW(noon));
    assertThat(east.powerW(brussels(WINTER_WEDNESDAY, 20, 0))).isZero();
  }

  private double dailyKwh(LocalDate date) {
    return pv.averagePowerW(brussels(date, 0, 0), brussels(date, 0, 0).plus(Duration.ofDays(1)))
        * 24
        / 1000;
  }
}
