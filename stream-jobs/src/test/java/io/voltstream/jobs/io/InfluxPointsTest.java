package io.voltstream.jobs.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.model.RoomMetrics;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import io.voltstream.model.SystemEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InfluxPointsTest {
  private static final Instant T = Instant.ofEpochMilli(1_764_201_600_123L);

  private static SensorReading reading(
      String sensorId, String room, Double energyKwh, Double powerW) {
    return new SensorReading(
        sensorId,
        T,
        room,
        SensorType.MULTI,
        energyKwh,
        powerW,
        null,
        null,
        null,
        null,
        null,
        Instant.parse("2026-11-27T00:00:00Z"));
  }

  @Test
  void shouldWriteTagsOnlyPresentFieldsAndEventTimeInMillis() {
    String line = InfluxPoints.reading(reading("kitchen-meter", "kitchen", 0.125, 750.0));

    assertThat(line)
        .isEqualTo(
            "readings,room=kitchen,sensor_id=kitchen-meter,sensor_type=multi"
                + " energy_kwh=0.125,power_w=750.0 1764201600123");
  }

  @Test
  void shouldWriteEveryMetricUnderItsFieldName() {
    SensorReading r =
        new SensorReading(
            "m1", T, "lab", SensorType.MULTI, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, null);

    assertThat(InfluxPoints.reading(r))
        .isEqualTo(
            "readings,room=lab,sensor_id=m1,sensor_type=multi"
                + " co2_ppm=3.0,energy_kwh=1.0,generation_kwh=7.0,humidity_percent=5.0,power_w=2.0,temperature_c=4.0,voltage_v=6.0"
                + " 1764201600123");
  }

  @Test
  void shouldTagReadingsWithoutRoomAsUnassigned() {
    assertThat(InfluxPoints.reading(reading("s1", null, 1.0, null))).contains(",room=unassigned,");
    assertThat(InfluxPoints.reading(reading("s1", "  ", 1.0, null))).contains(",room=unassigned,");
  }

  @Test
  void shouldEscapeSpacesCommasAndEqualsInTags() {
    String line = InfluxPoints.reading(reading("a=b", "living room, east", 1.0, null));

    assertThat(line)
        .startsWith(
            "readings,room=living\\ room\\,\\ east,sensor_id=a\\=b,sensor_type=multi energy_kwh=1.0"
                + " ");
  }

  @Test
  void shouldGiveTheSamePointForTheSameReadingRegardlessOfIngestTime() {
    SensorReading first = reading("s1", "kitchen", 0.5, 100.0);
    SensorReading replayed =
        new SensorReading(
            "s1",
            T,
            "kitchen",
            SensorType.MULTI,
            0.5,
            100.0,
            null,
            null,
            null,
            null,
            null,
            Instant.now());

    assertThat(InfluxPoints.reading(replayed)).isEqualTo(InfluxPoints.reading(first));
  }

  @Test
  void shouldSkipNonFiniteValuesAndGiveEmptyLineWithoutFields() {
    assertThat(InfluxPoints.reading(reading("s1", "k", Double.NaN, 5.0)))
        .doesNotContain("energy_kwh")
        .contains("power_w=5.0");
    assertThat(InfluxPoints.reading(reading("s1", "k", Double.POSITIVE_INFINITY, null))).isEmpty();
  }

  @Test
  void shouldWriteRoomMetricsAtWindowStartWithIntegerSampleCount() {
    RoomMetrics m =
        new RoomMetrics(
            "kitchen",
            "demo",
            Instant.ofEpochMilli(1_764_201_600_000L),
            Instant.ofEpochMilli(1_764_201_660_000L),
            0.25,
            500.0,
            750.0,
            640.0,
            21.5,
            40.0,
            null,
            12);

    assertThat(InfluxPoints.roomMetrics(m))
        .isEqualTo(
            "room_metrics,building=demo,room=kitchen "
                + "co2_avg_ppm=640.0,energy_kwh=0.25,humidity_avg_percent=40.0,power_avg_w=500.0,power_max_w=750.0,sample_count=12i,temperature_avg_c=21.5"
                + " 1764201600000");
  }

  @Test
  void shouldWriteEventsWithOptionalTagsAndQuotedMessage() {
    SystemEvent e =
        new SystemEvent(
            "co2-high:kitchen:1764201600123",
            T,
            "co2_high",
            SystemEvent.Severity.WARNING,
            "kitchen",
            null,
            "CO2 \"high\" in kitchen",
            1450.0,
            1200.0);

    assertThat(InfluxPoints.event(e))
        .isEqualTo(
            "events,kind=co2_high,room=kitchen,severity=warning"
                + " event_id=\"co2-high:kitchen:1764201600123\",message=\"CO2 \\\"high\\\" in"
                + " kitchen\",threshold=1200.0,value=1450.0 1764201600123");
  }

  @Test
  void shouldWriteFlexibilityWithRoomNoneForABuildingAndStateOnlyForDevices() {
    var device =
        new io.voltstream.model.FlexibilityReport(
            io.voltstream.model.FlexibilityReport.Scope.DEVICE,
            "hvac",
            "demo",
            "living",
            T,
            0,
            1.5,
            0,
            0.75,
            1500.0,
            "on");
    assertThat(InfluxPoints.flexibility(device))
        .isEqualTo(
            "flexibility,building=demo,id=hvac,room=living,scope=device"
                + " down_hour_kw=0.75,down_now_kw=1.5,power_w=1500.0,state=\"on\",up_hour_kw=0.0,up_now_kw=0.0"
                + " 1764201600123");
    var building =
        new io.voltstream.model.FlexibilityReport(
            io.voltstream.model.FlexibilityReport.Scope.BUILDING,
            "demo",
            "demo",
            null,
            T,
            12.4,
            6.5,
            12.4,
            4.35,
            null,
            null);
    assertThat(InfluxPoints.flexibility(building))
        .isEqualTo(
            "flexibility,building=demo,id=demo,room=none,scope=building"
                + " down_hour_kw=4.35,down_now_kw=6.5,up_hour_kw=12.4,up_now_kw=12.4"
                + " 1764201600123");
  }
}
