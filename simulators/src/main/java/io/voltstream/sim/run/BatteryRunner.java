package io.voltstream.sim.run;

import io.voltstream.model.command.TargetKind;
import io.voltstream.sim.device.battery.SimulatedBattery;
import io.voltstream.sim.mqtt.MqttLink;
import io.voltstream.sim.payload.BatteryMessages;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs simulated batteries on MQTT (design §3): each subscribes to {@code batteries/{id}/commands},
 * answers every command on {@code batteries/{id}/acks} and publishes its state on {@code
 * batteries/{id}/state} every {@code stateInterval} (wall time) and right after an applied command.
 * A command without a readable {@code command_id} cannot be answered: it is logged and counted.
 */
public final class BatteryRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BatteryRunner.class);

  private final List<SimulatedBattery> batteries;
  private final Clock wallClock;
  private final Clock simClock;
  private final Duration stateInterval;
  private final MqttLink mqtt;
  private final ScheduledExecutorService scheduler;
  private final AtomicLong unreadableCommands = new AtomicLong();
  private final AtomicLong answered = new AtomicLong();

  public BatteryRunner(
      List<SimulatedBattery> batteries,
      Clock wallClock,
      Clock simClock,
      Duration stateInterval,
      MqttLink mqtt) {
    this.batteries = List.copyOf(batteries);
    this.wallClock = wallClock;
    this.simClock = simClock;
    this.stateInterval = stateInterval;
    this.mqtt = mqtt;
    this.scheduler = DaemonScheduler.named("voltstream-sim-batteries");
  }

  public BatteryRunner start() {
    for (SimulatedBattery battery : batteries) {
      String id = battery.spec().id();
      // off the MQTT client's thread: answering publishes and may wait for the in-flight window
      mqtt.subscribe(
          TargetKind.BATTERY.commandTopic(id),
          (topic, payload) -> scheduler.execute(() -> onCommand(battery, payload)));
      scheduler.scheduleAtFixedRate(
          () -> publishState(battery), 0, stateInterval.toNanos(), TimeUnit.NANOSECONDS);
    }
    LOG.info(
        "{} simulated batteries: commands on batteries/+/commands, state every {}",
        batteries.size(),
        stateInterval);
    return this;
  }

  private void onCommand(SimulatedBattery battery, byte[] payload) {
    String id = battery.spec().id();
    var request = BatteryMessages.command(payload);
    if (request.isEmpty()) {
      long n = unreadableCommands.incrementAndGet();
      LOG.warn("battery {}: ignoring a command without a readable command_id ({} so far)", id, n);
      return;
    }
    SimulatedBattery.Answer answer =
        battery.onCommand(request.get(), wallClock.instant(), simClock.instant());
    mqtt.publish(TargetKind.BATTERY.ackTopic(id), BatteryMessages.ack(answer, wallClock.instant()));
    answered.incrementAndGet();
    LOG.info(
        "battery {}: command {} {}{}",
        id,
        answer.commandId(),
        answer.status(),
        answer.reason() == null ? "" : " (" + answer.reason() + ")");
    if (answer.applied()) {
      publishState(battery);
    }
  }

  private void publishState(SimulatedBattery battery) {
    try {
      mqtt.publish(
          "batteries/" + battery.spec().id() + "/state",
          BatteryMessages.state(battery.stateAt(wallClock.instant(), simClock.instant())));
    } catch (RuntimeException e) {
      // a failing report must not cancel the schedule (scheduleAtFixedRate stops on an exception)
      LOG.warn("battery {}: state report failed: {}", battery.spec().id(), e.toString());
    }
  }

  /** Commands answered so far (applied or rejected). */
  public long answered() {
    return answered.get();
  }

  public long unreadableCommands() {
    return unreadableCommands.get();
  }

  @Override
  public void close() {
    DaemonScheduler.stop(scheduler, Duration.ofSeconds(5));
  }
}
