package io.voltstream.forecast.pv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SunPositionTest {
  @Test
  void shouldMatchTheNrelSpaReferenceExample() {
    // NREL SPA (Reda & Andreas 2004), example: 2003-10-17 12:30:30 at -7 h, Golden CO:
    // topocentric zenith 50.11162°, azimuth 194.34024° (refraction and parallax included there)
    SunPosition sun = SunPosition.at(Instant.parse("2003-10-17T19:30:30Z"), 39.742476, -105.1786);

    assertThat(sun.zenithDeg()).isCloseTo(50.11, within(0.1));
    assertThat(sun.azimuthDeg()).isCloseTo(194.34, within(0.1));
  }

  @Test
  void shouldPutTheSunSouthAtSolarNoonOfTheSummerSolsticeInBrussels() {
    // Brussels (4.35° E): solar noon = 12:00 − 17.4 min (longitude) + 1.6 min (equation of time)
    // ≈ 11:44 UTC; elevation 90 − 50.85 + 23.44 = 62.6°
    SunPosition sun = SunPosition.at(Instant.parse("2026-06-21T11:44:12Z"), 50.8467, 4.3525);

    assertThat(sun.elevationDeg()).isCloseTo(62.6, within(0.2));
    assertThat(sun.azimuthDeg()).isCloseTo(180.0, within(0.5));
  }

  @Test
  void shouldPutTheSunEastInTheMorningAndBelowTheHorizonAtNight() {
    SunPosition morning = SunPosition.at(Instant.parse("2026-06-21T06:00:00Z"), 50.8467, 4.3525);
    SunPosition night = SunPosition.at(Instant.parse("2026-06-21T23:00:00Z"), 50.8467, 4.3525);

    assertThat(morning.azimuthDeg()).isBetween(60.0, 120.0);
    assertThat(morning.elevationDeg()).isPositive();
    assertThat(night.elevationDeg()).isNegative();
  }

  @Test
  void shouldBeStrongestNearPerihelionInJanuary() {
    assertThat(SunPosition.extraterrestrialWm2(Instant.parse("2026-01-03T12:00:00Z")))
        .isCloseTo(1361 * 1.033, within(1.0));
    assertThat(SunPosition.extraterrestrialWm2(Instant.parse("2026-07-04T12:00:00Z")))
        .isCloseTo(1361 * 0.967, within(1.0));
  }
}
