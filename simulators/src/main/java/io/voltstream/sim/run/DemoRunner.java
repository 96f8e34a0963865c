package io.voltstream.sim.run;

import io.voltstream.model.SensorReading;
import io.voltstream.sim.building.BuildingSimulation;
import io.voltstream.sim.building.SimSensor;
import io.voltstream.sim.mqtt.MqttLink;
import io.voltstream.sim.payload.ReadingPayload;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives the demo community's buildings: every device publishes one reading per wall-clock {@code
 * interval}, the devices of all buildings staggered evenly across the interval on one thread, each
 * reading taken at the simulated clock's "now". Errors are logged and counted; the schedule never
 * stops because of one.
 */
public final class DemoRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DemoRunner.class);

  private final List<BuildingSimulation> buildings;
  private final Clock simClock;
  private final Duration interval;
  private final MqttLink mqtt;
  private final ScheduledExecutorService scheduler;
  private final AtomicLong generated = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();

  public DemoRunner(
      List<BuildingSimulation> buildings, Clock simClock, Duration interval, MqttLink mqtt) {
    this.buildings = List.copyOf(buildings);
    this.simClock = simClock;
    this.interval = interval;
    this.mqtt = mqtt;
    this.scheduler = DaemonScheduler.named("voltstream-sim-demo");
  }

  public DemoRunner start() {
    int devices = buildings.stream().mapToInt(b -> b.layout().sensors().size()).sum();
    long intervalNanos = interval.toNanos();
    int i = 0;
    for (BuildingSimulation building : buildings) {
      for (SimSensor sensor : building.layout().sensors()) {
        long offset = intervalNanos * i++ / devices;
        scheduler.scheduleAtFixedRate(
            () -> tick(building, sensor), offset, intervalNanos, TimeUnit.NANOSECONDS);
      }
    }
    LOG.info(
        "demo buildings {}: {} devices every {} (simulated time starts {})",
        buildings.stream().map(b -> b.layout().buildingId()).toList(),
        devices,
        interval,
        simClock.instant());
    return this;
  }

  private void tick(BuildingSimulation simulation, SimSensor sensor) {
    try {
      SensorReading reading = simulation.next(sensor, simClock.instant());
      generated.incrementAndGet();
      mqtt.publish(sensor.readingsTopic(), ReadingPayload.encode(reading, sensor.units()));
    } catch (RuntimeException e) {
      // A failing device must not cancel its schedule (scheduleAtFixedRate stops on an exception).
      long n = errors.incrementAndGet();
      if (n == 1 || n % 1000 == 0) {
        LOG.warn(
            "device {} failed to produce a reading ({} errors so far)", sensor.sensorId(), n, e);
      }
    }
  }

  /** Readings generated and handed to MQTT. */
  public long generated() {
    return generated.get();
  }

  public long errors() {
    return errors.get();
  }

  @Override
  public void close() {
    if (!DaemonScheduler.stop(scheduler, Duration.ofSeconds(5))) {
      LOG.warn("demo scheduler did not stop within 5 s");
    }
  }
}
