package io.voltstream.sim.building;

import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import io.voltstream.sim.device.Noise;
import io.voltstream.sim.device.RoomKind;
import io.voltstream.sim.device.climate.Co2Model;
import io.voltstream.sim.device.climate.IndoorClimate;
import io.voltstream.sim.device.climate.OutdoorWeather;
import io.voltstream.sim.device.load.LoadProfile;
import io.voltstream.sim.device.occupancy.OccupancySchedule;
import io.voltstream.sim.device.pv.PvModel;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * The running physics of one simulated building: asked for the next reading of a device at a
 * (simulated) moment, it advances the room's climate to that moment and meters the room's load or
 * the PV output over the interval since the device's previous reading.
 *
 * <p>Deterministic: for the same layout, seed, start and sequence of calls the readings are
 * identical. Energy is always consistent with power: {@code energyKwh = powerW × interval / 3.6e6},
 * where power is the mean over the interval. Thread-safe (calls are serialised).
 */
public final class BuildingSimulation {
  private static final Duration CLIMATE_STEP = Duration.ofMinutes(5);

  /** Beyond this gap the climate restarts near equilibrium instead of replaying every step. */
  private static final Duration MAX_CATCH_UP = Duration.ofDays(2);

  /** How much climate history a new simulation replays before its start. */
  static final Duration WARM_UP = Duration.ofHours(6);

  private final BuildingLayout layout;
  private final long seed;
  private final Duration firstInterval;
  private final LoadProfile load;
  private final OccupancySchedule occupancy;
  private final OutdoorWeather weather;
  private final PvModel pv;
  private final Map<String, RoomClimateState> climates = new HashMap<>();
  private final Map<String, Random> roomRandoms = new HashMap<>();
  private final Map<String, Instant> lastReadingAt = new HashMap<>();

  /** Air changes per hour added by running fans, per room (absent = none). */
  private final Map<String, Double> mechanicalAirChanges = new HashMap<>();

  /**
   * @param firstInterval the interval a device's first reading covers (its nominal simulated
   *     interval)
   */
  public BuildingSimulation(
      BuildingLayout layout, long seed, Instant start, Duration firstInterval) {
    this.layout = layout;
    this.seed = seed;
    this.firstInterval = firstInterval;
    this.load = new LoadProfile(seed, layout.zone());
    this.occupancy = new OccupancySchedule(seed, layout.zone());
    this.weather = new OutdoorWeather(seed, layout.zone());
    this.pv = new PvModel(layout.pvArray(), layout.latitudeDeg(), layout.longitudeDeg(), weather);
    for (SimRoom room : layout.rooms()) {
      if (room.kind().hasIndoorClimate()) {
        roomRandoms.put(
            room.name(), new Random(seed ^ room.name().hashCode() * 0x9E3779B97F4A7C15L));
        // the climate carries its recent history: start near equilibrium WARM_UP earlier and
        // run the models up to the start, so e.g. an office left an hour ago still holds its CO2
        climates.put(room.name(), equilibrium(room, start.minus(WARM_UP)));
        advanceClimate(room, start);
      }
    }
  }

  public BuildingLayout layout() {
    return layout;
  }

  public LoadProfile loadProfile() {
    return load;
  }

  public OccupancySchedule occupancy() {
    return occupancy;
  }

  public PvModel pv() {
    return pv;
  }

  /**
   * The next reading of {@code sensor} at {@code now}; timestamps of a device strictly increase.
   */
  public synchronized SensorReading next(SimSensor sensor, Instant now) {
    Instant previous = lastReadingAt.get(sensor.sensorId());
    Instant at = now;
    if (previous != null && !at.isAfter(previous)) {
      at = previous.plusMillis(1);
    }
    at = Instant.ofEpochMilli(at.toEpochMilli());
    Instant from = previous != null ? previous : at.minus(firstInterval);
    lastReadingAt.put(sensor.sensorId(), at);
    double intervalS = Duration.between(from, at).toMillis() / 1000.0;
    double voltageV = round(voltage(sensor.sensorId(), at), 1);

    if (sensor.sensorType() == SensorType.PV) {
      double generationKwh = pv.averagePowerW(from, at) * intervalS / 3.6e6;
      return new SensorReading(
          sensor.sensorId(),
          at,
          sensor.room(),
          SensorType.PV,
          null,
          null,
          null,
          null,
          null,
          voltageV,
          generationKwh,
          null);
    }
    SimRoom room =
        layout
            .room(sensor.room())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "sensor " + sensor.sensorId() + " is in unknown room " + sensor.room()));
    long ms = at.toEpochMilli();
    double meterFactor = 1.0 + 0.03 * Noise.gaussian(seed, sensor.sensorId() + ":meter", ms);
    double roomPowerW =
        room.load() != null
            ? room.load().averagePowerW(load, room.name(), from, at)
            : load.averagePowerW(room.name(), room.kind(), from, at);
    double powerW = round(Math.max(0.0, roomPowerW * sensor.loadShare() * meterFactor), 1);
    double energyKwh = powerW * intervalS / 3.6e6;
    // an aggregate meter (no indoor climate) sends energy, power and voltage only
    Double co2Ppm = null;
    Double temperatureC = null;
    Double humidityPercent = null;
    if (room.kind().hasIndoorClimate()) {
      RoomClimateState climate = advanceClimate(room, at);
      co2Ppm =
          round(climate.co2Ppm() + 6.0 * Noise.gaussian(seed, sensor.sensorId() + ":co2", ms), 1);
      temperatureC =
          round(
              climate.temperatureC() + 0.08 * Noise.gaussian(seed, sensor.sensorId() + ":t", ms),
              2);
      humidityPercent =
          round(
              climate.humidityPercent() + 0.4 * Noise.gaussian(seed, sensor.sensorId() + ":h", ms),
              1);
    }
    return new SensorReading(
        sensor.sensorId(),
        at,
        sensor.room(),
        sensor.sensorType(),
        energyKwh,
        powerW,
        co2Ppm,
        temperatureC,
        humidityPercent,
        voltageV,
        null,
        null);
  }

  /**
   * Sets the air changes per hour a fan adds to {@code room} from {@code at} on (0 when it stops):
   * the room's climate is first advanced to {@code at} under the previous rate, so the change acts
   * from that moment. CO2 then decays toward a lower steady state. Unknown or climate-less rooms
   * are ignored.
   */
  public synchronized void setMechanicalAirChanges(
      String room, double airChangesPerHour, Instant at) {
    SimRoom r = layout.room(room).orElse(null);
    if (r == null || !climates.containsKey(room)) {
      return;
    }
    advanceClimate(r, at);
    mechanicalAirChanges.put(room, Math.max(0.0, airChangesPerHour));
  }

  /** A fan's airflow as air changes per hour of {@code room}; 0 for unknown rooms. */
  public double airChangesPerHour(String room, double airflowM3PerH) {
    return layout
        .room(room)
        .filter(r -> r.kind().volumeM3() > 0)
        .map(r -> airflowM3PerH / r.kind().volumeM3())
        .orElse(0.0);
  }

  /**
   * The temperature in {@code room} at {@code at} [°C], advancing its climate; for a room without
   * simulated climate (not in the layout), outdoor air plus 5 K (an unheated garage).
   */
  public synchronized double indoorTemperatureC(String room, Instant at) {
    SimRoom r = layout.room(room).orElse(null);
    if (r == null || !climates.containsKey(room)) {
      return weather.temperatureC(at) + 5.0;
    }
    return advanceClimate(r, at).temperatureC();
  }

  /** The outdoor air temperature at {@code at} [°C]. */
  public double outdoorTemperatureC(Instant at) {
    return weather.temperatureC(at);
  }

  /** The room's climate at {@code at}, advancing the state (never backwards). */
  synchronized RoomClimateState advanceClimate(SimRoom room, Instant at) {
    RoomClimateState state = climates.get(room.name());
    if (!at.isAfter(state.at())) {
      return state;
    }
    if (Duration.between(state.at(), at).compareTo(MAX_CATCH_UP) > 0) {
      state = equilibrium(room, at.minus(MAX_CATCH_UP));
    }
    Random random = roomRandoms.get(room.name());
    while (state.at().isBefore(at)) {
      Duration remaining = Duration.between(state.at(), at);
      Duration step = remaining.compareTo(CLIMATE_STEP) < 0 ? remaining : CLIMATE_STEP;
      state = step(room, state, step, random);
    }
    climates.put(room.name(), state);
    return state;
  }

  private RoomClimateState step(SimRoom room, RoomClimateState s, Duration step, Random random) {
    Instant mid = s.at().plus(step.dividedBy(2));
    RoomKind kind = room.kind();
    int people = occupancy.occupants(room.name(), kind, mid);
    double airChanges =
        kind.airChangesPerHour() + mechanicalAirChanges.getOrDefault(room.name(), 0.0);
    double co2 = Co2Model.step(s.co2Ppm(), people, kind.volumeM3(), airChanges, step);
    ZonedDateTime local = ZonedDateTime.ofInstant(mid, layout.zone());
    double teq =
        IndoorClimate.equilibriumTemperatureC(
            kind.setpointC(local.getHour()), weather.temperatureC(mid), people);
    double stepMinutes = step.toMillis() / 60_000.0;
    double temperature =
        IndoorClimate.stepTemperatureC(s.temperatureC(), teq, step)
            + 0.04 * Math.sqrt(stepMinutes) * random.nextGaussian();
    double rheq =
        IndoorClimate.equilibriumHumidityPercent(
            temperature, people, isShowering(kind, people, local));
    double humidity =
        IndoorClimate.stepHumidityPercent(s.humidityPercent(), rheq, step)
            + 0.15 * Math.sqrt(stepMinutes) * random.nextGaussian();
    return new RoomClimateState(
        s.at().plus(step), co2, temperature, Math.max(5.0, Math.min(100.0, humidity)));
  }

  private RoomClimateState equilibrium(SimRoom room, Instant at) {
    RoomKind kind = room.kind();
    int people = occupancy.occupants(room.name(), kind, at);
    ZonedDateTime local = ZonedDateTime.ofInstant(at, layout.zone());
    double t =
        IndoorClimate.equilibriumTemperatureC(
            kind.setpointC(local.getHour()), weather.temperatureC(at), people);
    return new RoomClimateState(
        at,
        Co2Model.steadyStatePpm(people, kind.volumeM3(), kind.airChangesPerHour()),
        t,
        IndoorClimate.equilibriumHumidityPercent(t, people, false));
  }

  private static boolean isShowering(RoomKind kind, int people, ZonedDateTime local) {
    int h = local.getHour();
    return kind == RoomKind.BATHROOM && people > 0 && (h >= 6 && h < 9 || h >= 20 && h < 22);
  }

  private double voltage(String sensorId, Instant at) {
    long minute = Math.floorDiv(at.getEpochSecond(), 60);
    return 230.5
        + 2.0 * Noise.gaussian(seed, "grid", minute)
        + 0.3 * Noise.gaussian(seed, sensorId + ":v", at.toEpochMilli());
  }

  private static double round(double v, int decimals) {
    double f = Math.pow(10, decimals);
    return Math.round(v * f) / f;
  }
}
