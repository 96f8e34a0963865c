package io.voltstream.forecast.pv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClearSkyIrradianceTest {
  @Test
  void shouldGiveTheIneichenValuesForTheSunOverheadAtSeaLevel() {
    // by hand: GHI = 0.868·1361·exp(−0.0387·AM·3.5), DNI = 1361·0.827·exp(−0.09·AM·2.5), AM ≈ 1
    ClearSkyIrradiance sky = ClearSkyIrradiance.ineichen(0, 1361, 3.5, 0);

    assertThat(sky.ghiWm2()).isCloseTo(1031.6, within(1.0));
    assertThat(sky.dniWm2()).isCloseTo(898.7, within(1.0));
    assertThat(sky.dhiWm2()).isCloseTo(sky.ghiWm2() - sky.dniWm2(), within(1e-9));
  }

  @Test
  void shouldCloseGlobalFromBeamAndDiffuseAndFallWithTheSun() {
    double previous = Double.MAX_VALUE;
    for (double zenith = 0; zenith < 90; zenith += 10) {
      ClearSkyIrradiance sky = ClearSkyIrradiance.ineichen(zenith, 1361, 3.5, 0);
      double cosZ = Math.cos(Math.toRadians(zenith));
      assertThat(sky.dniWm2() * cosZ + sky.dhiWm2()).isCloseTo(sky.ghiWm2(), within(1e-6));
      assertThat(sky.ghiWm2()).isLessThan(previous);
      previous = sky.ghiWm2();
    }
    assertThat(ClearSkyIrradiance.ineichen(90, 1361, 3.5, 0)).isEqualTo(ClearSkyIrradiance.NIGHT);
  }

  @Test
  void shouldScatterMoreLightInAHazierSky() {
    ClearSkyIrradiance clean = ClearSkyIrradiance.ineichen(40, 1361, 2.0, 0);
    ClearSkyIrradiance hazy = ClearSkyIrradiance.ineichen(40, 1361, 5.0, 0);

    assertThat(hazy.ghiWm2()).isLessThan(clean.ghiWm2());
    assertThat(hazy.dniWm2()).isLessThan(clean.dniWm2());
    assertThat(hazy.dhiWm2()).isGreaterThan(clean.dhiWm2());
  }
}
