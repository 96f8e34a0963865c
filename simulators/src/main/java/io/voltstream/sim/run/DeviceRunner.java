package io.voltstream.sim.run;

import io.voltstream.model.SensorReading;
import io.voltstream.model.command.TargetKind;
import io.voltstream.sim.building.BuildingSimulation;
import io.voltstream.sim.device.iot.DeviceMeters;
import io.voltstream.sim.device.iot.SimulatedDevice;
import io.voltstream.sim.device.iot.Surroundings;
import io.voltstream.sim.mqtt.MqttLink;
import io.voltstream.sim.payload.DeviceMessages;
import io.voltstream.sim.payload.ReadingPayload;
import io.voltstream.sim.payload.UnitStyle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs simulated controllable devices on MQTT (design §3): each subscribes to {@code
 * devices/{id}/instructions}, answers every instruction on {@code devices/{id}/acks} and publishes
 * its meter's reading on {@code sensors/{meter}/readings} every {@code interval} (wall time) and
 * right after an applied instruction. A running ventilation fan adds its airflow to its room's air
 * changes in the {@link BuildingSimulation}, so switching it on lowers that room's CO2. An
 * instruction without a readable {@code command_id} cannot be answered: it is logged and counted.
 */
public final class DeviceRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DeviceRunner.class);

  /** A device to run, and the fresh air it brings into its room while on [m³/h] (0: none). */
  public record Device(SimulatedDevice device, double airflowM3PerH) {}

  private final List<Device> devices;
  private final BuildingSimulation building;
  private final Clock wallClock;
  private final Clock simClock;
  private final Duration interval;
  private final MqttLink mqtt;
  private final ScheduledExecutorService scheduler;
  private final Map<String, Boolean> ventilating = new HashMap<>();
  private final AtomicLong unreadable = new AtomicLong();
  private final AtomicLong answered = new AtomicLong();
  private final AtomicLong readings = new AtomicLong();

  public DeviceRunner(
      List<Device> devices,
      BuildingSimulation building,
      Clock wallClock,
      Clock simClock,
      Duration interval,
      MqttLink mqtt) {
    this.devices = List.copyOf(devices);
    this.building = building;
    this.wallClock = wallClock;
    this.simClock = simClock;
    this.interval = interval;
    this.mqtt = mqtt;
    this.scheduler = DaemonScheduler.named("voltstream-sim-devices");
  }

  public DeviceRunner start() {
    long intervalNanos = interval.toNanos();
    for (int i = 0; i < devices.size(); i++) {
      Device d = devices.get(i);
      String id = d.device().spec().id();
      // off the MQTT client's thread: answering publishes and may wait for the in-flight window
      mqtt.subscribe(
          TargetKind.DEVICE.commandTopic(id),
          (topic, payload) -> scheduler.execute(() -> onInstruction(d, payload)));
      scheduler.scheduleAtFixedRate(
          () -> publishReading(d),
          intervalNanos * i / Math.max(1, devices.size()),
          intervalNanos,
          TimeUnit.NANOSECONDS);
    }
    LOG.info(
        "{} simulated devices: instructions on devices/+/instructions, meter readings every {}",
        devices.size(),
        interval);
    return this;
  }

  private void onInstruction(Device d, byte[] payload) {
    String id = d.device().spec().id();
    try {
      var request = DeviceMessages.instruction(payload);
      if (request.isEmpty()) {
        long n = unreadable.incrementAndGet();
        LOG.warn("device {}: ignoring an instruction without a readable command_id ({})", id, n);
        return;
      }
      Instant now = wallClock.instant();
      Instant simNow = simClock.instant();
      SimulatedDevice.Answer answer =
          d.device().onInstruction(request.get(), now, simNow, surroundings(d, simNow));
      mqtt.publish(TargetKind.DEVICE.ackTopic(id), DeviceMessages.ack(answer, now));
      answered.incrementAndGet();
      LOG.info(
          "device {}: instruction {} {}{}",
          id,
          answer.commandId(),
          answer.status(),
          answer.reason() == null ? "" : " (" + answer.reason() + ")");
      if (answer.applied()) {
        updateVentilation(d, now, simNow);
        publishReading(d);
      }
    } catch (RuntimeException e) {
      LOG.warn("device {}: instruction failed: {}", id, e.toString());
    }
  }

  private void publishReading(Device d) {
    var spec = d.device().spec();
    try {
      Instant now = wallClock.instant();
      Instant simNow = simClock.instant();
      updateVentilation(d, now, simNow);
      SimulatedDevice.Meter m = d.device().read(now, simNow, surroundings(d, simNow));
      SensorReading reading =
          new SensorReading(
              spec.meterId(),
              m.at(),
              spec.room(),
              DeviceMeters.sensorType(spec.type()),
              m.energyKwh(),
              m.powerW(),
              null,
              null,
              null,
              null,
              null,
              null);
      mqtt.publish(
          "sensors/" + spec.meterId() + "/readings",
          ReadingPayload.encode(reading, UnitStyle.METRIC_KWH));
      readings.incrementAndGet();
    } catch (RuntimeException e) {
      // a failing report must not cancel the schedule (scheduleAtFixedRate stops on an exception)
      LOG.warn("device {}: meter reading failed: {}", spec.id(), e.toString());
    }
  }

  /** Tells the building when a fan starts or stops (also when an instruction's duration ends). */
  private void updateVentilation(Device d, Instant now, Instant simNow) {
    if (d.airflowM3PerH() <= 0) {
      return;
    }
    boolean on = d.device().isOn(now);
    String room = d.device().spec().room();
    if (!Boolean.valueOf(on).equals(ventilating.put(d.device().spec().id(), on))) {
      building.setMechanicalAirChanges(
          room, on ? building.airChangesPerHour(room, d.airflowM3PerH()) : 0.0, simNow);
    }
  }

  private Surroundings surroundings(Device d, Instant simNow) {
    return new Surroundings(
        building.indoorTemperatureC(d.device().spec().room(), simNow),
        building.outdoorTemperatureC(simNow));
  }

  /** Instructions answered so far (applied or rejected). */
  public long answered() {
    return answered.get();
  }

  /** Meter readings handed to MQTT so far. */
  public long readings() {
    return readings.get();
  }

  public long unreadableInstructions() {
    return unreadable.get();
  }

  @Override
  public void close() {
    DaemonScheduler.stop(scheduler, Duration.ofSeconds(5));
  }
}
