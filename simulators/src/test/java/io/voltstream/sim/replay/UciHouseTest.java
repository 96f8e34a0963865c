package io.voltstream.sim.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UciHouseTest {
  private static final Instant ROW_START = Instant.parse("2016-02-13T23:00:00Z");

  private final UciRow first = UciCsvReaderTest.read(UciCsvReaderTest.firstRows()).get(0);

  @Test
  void shouldMapTheNineAreasToRooms() {
    List<SensorReading> climate = UciHouse.climateReadings(first, ROW_START);
    assertThat(climate)
        .extracting(SensorReading::room)
        .containsExactly(
            "uci-kitchen",
            "uci-living-room",
            "uci-laundry",
            "uci-office",
            "uci-bathroom",
            "uci-outside",
            "uci-ironing-room",
            "uci-teenager-room",
            "uci-parents-room");
    assertThat(climate.get(0).sensorId()).isEqualTo("uci-kitchen-climate");
    assertThat(climate.get(0).temperatureC()).isEqualTo(21.79);
    assertThat(climate.get(0).humidityPercent()).isEqualTo(39.9);
    assertThat(climate.get(5).temperatureC()).isEqualTo(3.53);
    assertThat(climate)
        .allSatisfy(
            r -> {
              assertThat(r.timestamp()).isEqualTo(ROW_START);
              assertThat(r.metricCount()).isEqualTo(2);
            });
  }

  @Test
  void shouldMeterAppliancesPlusLightsAtTheEndOfTheInterval() {
    SensorReading meter = UciHouse.houseMeterReading(first, ROW_START);
    assertThat(meter.sensorId()).isEqualTo("house-meter");
    assertThat(meter.sensorType()).isEqualTo(SensorType.ENERGY);
    assertThat(meter.timestamp()).isEqualTo(ROW_START.plusSeconds(600));
    assertThat(meter.energyKwh()).isCloseTo(0.060, within(1e-12));
    // 60 Wh in 10 minutes is a mean of 360 W.
    assertThat(meter.powerW()).isCloseTo(360.0, within(1e-9));
  }
}
