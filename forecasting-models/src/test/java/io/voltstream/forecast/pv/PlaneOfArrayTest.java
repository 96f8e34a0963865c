package io.voltstream.forecast.pv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PlaneOfArrayTest {
  private static final double I0 = 1361;

  @Test
  void shouldSeeTheGlobalIrradianceOnAFlatPlane() {
    SunPosition sun = new SunPosition(50, 150);
    ClearSkyIrradiance sky = ClearSkyIrradiance.ineichen(50, I0, 3.5, 0);

    assertThat(PlaneOfArray.irradianceWm2(sky, sun, 0, 180, I0, 0.2))
        .isCloseTo(sky.ghiWm2(), within(1e-6));
  }

  @Test
  void shouldFavourAPlaneFacingTheSun() {
    // low winter sun in the south: a steep south plane beats flat, a north plane gets diffuse only
    SunPosition sun = new SunPosition(75, 180);
    ClearSkyIrradiance sky = ClearSkyIrradiance.ineichen(75, I0, 3.5, 0);
    double flat = PlaneOfArray.irradianceWm2(sky, sun, 0, 180, I0, 0.2);
    double south = PlaneOfArray.irradianceWm2(sky, sun, 60, 180, I0, 0.2);
    double north = PlaneOfArray.irradianceWm2(sky, sun, 60, 0, I0, 0.2);

    assertThat(south).isGreaterThan(2 * flat);
    assertThat(north).isLessThan(flat).isPositive();
  }

  @Test
  void shouldBeDarkAtNight() {
    assertThat(
            PlaneOfArray.irradianceWm2(
                ClearSkyIrradiance.NIGHT, new SunPosition(100, 0), 30, 180, I0, 0.2))
        .isZero();
  }
}
