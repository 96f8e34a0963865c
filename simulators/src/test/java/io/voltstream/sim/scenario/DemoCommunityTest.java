package io.voltstream.sim.scenario;

import static io.voltstream.sim.SimTestData.SEED;
import static io.voltstream.sim.SimTestData.SOLSTICE;
import static io.voltstream.sim.SimTestData.SUMMER_SATURDAY;
import static io.voltstream.sim.SimTestData.SUMMER_WEDNESDAY;
import static io.voltstream.sim.SimTestData.WINTER_WEDNESDAY;
import static io.voltstream.sim.SimTestData.brussels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import io.voltstream.sim.building.BuildingLayout;
import io.voltstream.sim.building.BuildingSimulation;
import io.voltstream.sim.building.DemoBuilding;
import io.voltstream.sim.building.MeteredBuilding;
import io.voltstream.sim.building.SimSensor;
import io.voltstream.sim.device.RoomKind;
import io.voltstream.sim.device.battery.SimulatedBattery;
import io.voltstream.sim.device.climate.OutdoorWeather;
import io.voltstream.sim.device.load.LoadMix;
import io.voltstream.sim.device.load.LoadProfile;
import io.voltstream.sim.device.pv.PvModel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The community's extra buildings: their load and PV shapes, meters and battery. */
class DemoCommunityTest {
  private static final LoadProfile LOAD = new LoadProfile(SEED, DemoBuilding.ZONE);
  private static final MeteredBuilding HOME = DemoCommunity.HOME_EAST;
  private static final MeteredBuilding OFFICE = DemoCommunity.OFFICE_WEST;

  private static double expectedW(MeteredBuilding b, LocalDate date, int hour) {
    return b.load().expectedPowerW(LOAD, brussels(date, hour, 30));
  }

  private static PvModel pv(MeteredBuilding b) {
    return new PvModel(
        b.pv(), b.latitudeDeg(), b.longitudeDeg(), new OutdoorWeather(SEED, b.zone()));
  }

  @Test
  void shouldLoadTheOfficeOnWeekdayDaytimeMoreThanAtNightAtTheWeekendOrInTheHouse() {
    double weekdayDay = expectedW(OFFICE, SUMMER_WEDNESDAY, 10);
    assertThat(weekdayDay).isBetween(10_000.0, 15_000.0);
    assertThat(expectedW(OFFICE, SUMMER_WEDNESDAY, 2)).isLessThan(weekdayDay / 5);
    assertThat(expectedW(OFFICE, SUMMER_SATURDAY, 10)).isLessThan(weekdayDay / 3);
    for (int h = 9; h <= 16; h++) {
      assertThat(expectedW(OFFICE, SUMMER_WEDNESDAY, h))
          .as("%d:30", h)
          .isGreaterThan(3 * expectedW(HOME, SUMMER_WEDNESDAY, h));
    }
  }

  @Test
  void shouldPeakTheHouseInTheWeekdayEvening() {
    int peakHour =
        IntStream.range(0, 24)
            .boxed()
            .max(
                (a, b) ->
                    Double.compare(
                        expectedW(HOME, SUMMER_WEDNESDAY, a), expectedW(HOME, SUMMER_WEDNESDAY, b)))
            .orElseThrow();
    assertThat(peakHour).isBetween(17, 20);
    assertThat(expectedW(HOME, SUMMER_WEDNESDAY, 18))
        .isBetween(2000.0, 4000.0)
        .isGreaterThan(3 * expectedW(HOME, SUMMER_WEDNESDAY, 13));
    // unlike the demo house, whose home office keeps it busy during the working day
    LoadMix demoHouse =
        new LoadMix(
            0,
            Map.of(
                RoomKind.KITCHEN, 1.0,
                RoomKind.LIVING_ROOM, 1.0,
                RoomKind.OFFICE, 1.0,
                RoomKind.BEDROOM, 2.0,
                RoomKind.BATHROOM, 1.0));
    double demoRatio =
        demoHouse.expectedPowerW(LOAD, brussels(SUMMER_WEDNESDAY, 18, 30))
            / demoHouse.expectedPowerW(LOAD, brussels(SUMMER_WEDNESDAY, 10, 30));
    assertThat(expectedW(HOME, SUMMER_WEDNESDAY, 18) / expectedW(HOME, SUMMER_WEDNESDAY, 10))
        .isGreaterThan(demoRatio);
  }

  @Test
  void shouldProduceNoPvAtNightAndScaleItByThePeakPower() {
    for (MeteredBuilding b : List.of(HOME, OFFICE)) {
      PvModel pv = pv(b);
      for (int h : new int[] {0, 2, 23}) {
        assertThat(pv.powerW(brussels(SOLSTICE, h, 0))).as("%s %d:00", b.id(), h).isZero();
      }
      assertThat(
              pv.averagePowerW(
                  brussels(WINTER_WEDNESDAY, 18, 0), brussels(WINTER_WEDNESDAY, 23, 0)))
          .isZero();
      // clear-sky noon output below the nameplate power, above half of it in June
      Instant noon = brussels(SOLSTICE, 13, 45);
      assertThat(pv.clearSkyPowerW(noon))
          .as(b.id())
          .isBetween(0.5 * b.pv().peakPowerW(), b.pv().peakPowerW());
    }
    assertThat(dailyClearSkyKwh(OFFICE, SOLSTICE))
        .isGreaterThan(2.5 * dailyClearSkyKwh(HOME, SOLSTICE));
  }

  @Test
  void shouldYieldTheEastRoofInTheMorningAndTheSouthWestRoofInTheAfternoon() {
    // 3 h before and after solar noon (13:44 CEST): the sun stands equally high
    PvModel home = pv(HOME);
    PvModel office = pv(OFFICE);
    Instant morning = brussels(SOLSTICE, 10, 44);
    Instant afternoon = brussels(SOLSTICE, 16, 44);
    assertThat(home.clearSkyPowerW(morning)).isGreaterThan(1.5 * home.clearSkyPowerW(afternoon));
    assertThat(office.clearSkyPowerW(afternoon))
        .isGreaterThan(1.05 * office.clearSkyPowerW(morning));
  }

  @Test
  void shouldMeterTheWholeBuildingWithEnergyAndPowerOnlyAndThePvInTheSameRoom() {
    Instant start = brussels(SUMMER_WEDNESDAY, 18, 0);
    Duration step = Duration.ofMinutes(1);
    BuildingLayout layout = HOME.layout();
    BuildingSimulation sim = new BuildingSimulation(layout, SEED, start, step);
    assertThat(layout.rooms())
        .singleElement()
        .extracting(r -> r.name())
        .isEqualTo("home-east-main");
    assertThat(layout.sensors())
        .extracting(SimSensor::sensorId, SimSensor::room, SimSensor::sensorType)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "home-east-meter", "home-east-main", SensorType.ENERGY),
            org.assertj.core.groups.Tuple.tuple("home-east-pv", "home-east-main", SensorType.PV));
    // the first reading covers the nominal interval before it
    SensorReading meter = sim.next(layout.sensors().get(0), start.plusSeconds(30));
    assertThat(meter.powerW()).isBetween(1000.0, 5000.0);
    assertThat(meter.energyKwh())
        .isCloseTo(meter.powerW() * step.toSeconds() / 3.6e6, within(1e-12));
    assertThat(meter.co2Ppm()).isNull();
    assertThat(meter.temperatureC()).isNull();
    assertThat(meter.voltageV()).isBetween(220.0, 240.0);
    SensorReading night = sim.next(layout.sensors().get(1), brussels(SUMMER_WEDNESDAY, 23, 30));
    assertThat(night.generationKwh()).isZero();
  }

  @Test
  void shouldGiveHomeEastA10KwhBatteryThatObeysCommands() {
    BuildingLayout demo = DemoBuilding.layout(6, 1);
    List<CommunityMember> members = DemoCommunity.members(demo);
    assertThat(members)
        .extracting(CommunityMember::buildingId)
        .containsExactly("demo", "home-east", "office-west");
    assertThat(members).allSatisfy(m -> assertThat(m.market()).isEqualTo(DemoCommunity.MEMBERSHIP));
    assertThat(members.get(2).batteries()).isEmpty();
    BatterySpec spec = members.get(1).batteries().get(0);
    assertThat(spec.id()).isEqualTo("home-east-battery");
    assertThat(spec.building()).isEqualTo("home-east");
    assertThat(spec.capacityKwh()).isEqualTo(10.0);
    assertThat(spec.maxChargeW()).isEqualTo(5000.0);

    Instant t0 = brussels(SUMMER_WEDNESDAY, 12, 0);
    SimulatedBattery battery = new SimulatedBattery(spec, 50, t0, t0);
    Instant until = t0.plus(Duration.ofHours(2));
    assertThat(
            battery
                .onCommand(new SimulatedBattery.Request("c-1", "charge", 5000.0, until), t0, t0)
                .applied())
        .isTrue();
    Instant hourLater = t0.plus(Duration.ofMinutes(30));
    var state = battery.stateAt(hourLater, hourLater);
    assertThat(state.powerW()).isEqualTo(5000.0);
    // 2.5 kWh in at the charge efficiency into 10 kWh
    assertThat(state.socPercent())
        .isCloseTo(50 + 100 * 2.5 * spec.chargeEfficiency() / 10, within(0.01));
    var tooMuch =
        battery.onCommand(
            new SimulatedBattery.Request("d-1", "discharge", 6000.0, until), hourLater, hourLater);
    assertThat(tooMuch.applied()).isFalse();
    assertThat(tooMuch.reason()).contains("max_discharge_w");
  }

  @Test
  void shouldBillTheOfficeOnTheDefaultTariffWithoutVat() {
    var business = DemoCommunity.businessTariff();
    var base = io.voltstream.energy.tariff.Tariffs.defaultTariff();
    Instant eveningPeak = brussels(SUMMER_WEDNESDAY, 18, 0);
    assertThat(business.importPriceEurPerKwh(eveningPeak))
        .isCloseTo(base.importPriceEurPerKwh(eveningPeak) / 1.21, within(1e-4));
    assertThat(business.exportEurPerKwh()).isEqualTo(base.exportEurPerKwh());
    assertThat(business.carbonGramsPerKwh()).isEqualTo(base.carbonGramsPerKwh());
  }

  private static double dailyClearSkyKwh(MeteredBuilding b, LocalDate date) {
    PvModel pv = pv(b);
    Instant start = brussels(date, 0, 0);
    double wh = 0;
    for (int m = 0; m < 24 * 60; m += 5) {
      wh += pv.clearSkyPowerW(start.plusSeconds(60L * m)) * 5 / 60.0;
    }
    return wh / 1000;
  }
}
