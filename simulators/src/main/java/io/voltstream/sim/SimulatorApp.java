package io.voltstream.sim;

import io.voltstream.config.CommonOptions;
import io.voltstream.energy.device.DeviceType;
import io.voltstream.model.Room;
import io.voltstream.sim.building.BuildingLayout;
import io.voltstream.sim.building.BuildingSimulation;
import io.voltstream.sim.building.DemoBuilding;
import io.voltstream.sim.building.SimRoom;
import io.voltstream.sim.clock.AcceleratedClock;
import io.voltstream.sim.device.battery.SimulatedBattery;
import io.voltstream.sim.device.iot.PowerModels;
import io.voltstream.sim.device.iot.SimulatedDevice;
import io.voltstream.sim.mqtt.DeviceConnections;
import io.voltstream.sim.mqtt.DeviceLogins;
import io.voltstream.sim.registry.RegistryPublisher;
import io.voltstream.sim.registry.RegistryRecord;
import io.voltstream.sim.registry.RegistryRecords;
import io.voltstream.sim.run.BatteryRunner;
import io.voltstream.sim.run.DemoRunner;
import io.voltstream.sim.run.DeviceRunner;
import io.voltstream.sim.run.ReplayRunner;
import io.voltstream.sim.scenario.CommunityMember;
import io.voltstream.sim.scenario.DemoCommunity;
import io.voltstream.sim.scenario.DemoDevices;
import io.voltstream.sim.scenario.DemoRules;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator deployable: publishes the demo community (the demo building, {@code home-east} and
 * {@code office-west}; or a UCI replay) over MQTT and registers its market, buildings, rooms,
 * sensors, batteries, devices and rules on the Kafka {@code registry} topic. {@link #start} returns
 * a running handle for the launcher; {@link #main} reads {@link SimulatorConfig} from the
 * environment.
 *
 * <pre>{@code
 * try (SimulatorApp.Running sim = SimulatorApp.start(SimulatorConfig.fromEnv(System.getenv()))) {
 *   ...
 * }
 * }</pre>
 */
public final class SimulatorApp {
  private static final Logger LOG = LoggerFactory.getLogger(SimulatorApp.class);
  private static final Duration REGISTRY_ATTEMPT_TIMEOUT = Duration.ofSeconds(15);
  private static final Duration REGISTRY_MAX_BACKOFF = Duration.ofSeconds(30);

  /**
   * The community's batteries start half full, so both charge and discharge commands work at once.
   */
  static final double DEMO_BATTERY_START_SOC_PERCENT = 50.0;

  /** Relative deviation of a demo device's metered power. */
  static final double DEMO_DEVICE_NOISE = 0.02;

  private SimulatorApp() {}

  public static void main(String[] args) throws InterruptedException {
    SimulatorConfig config = SimulatorConfig.fromEnv(System.getenv());
    Running running = start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  running.close();
                  stopped.countDown();
                },
                "voltstream-sim-shutdown"));
    stopped.await();
  }

  public static Running start(SimulatorConfig config) {
    return start(config, Clock.systemUTC());
  }

  /** Starts publishing; {@code wallClock} is the real clock (tests may pass another). */
  public static Running start(SimulatorConfig config, Clock wallClock) {
    return start(config, wallClock, config.deviceLogins());
  }

  /**
   * Starts publishing; in demo mode every sensor, battery and device that {@code logins} has a
   * login for connects on its own with it (the broker then lets it use only its own topics).
   */
  public static Running start(SimulatorConfig config, Clock wallClock, DeviceLogins logins) {
    if (config.mode() == SimulatorConfig.Mode.REPLAY && !Files.isReadable(config.replayFile())) {
      throw new IllegalArgumentException(
          SimulatorOptions.REPLAY_FILE.name()
              + " must name a readable UCI CSV file, got '"
              + config.replayFile().toAbsolutePath()
              + "'");
    }
    String clientId =
        "voltstream-sim-"
            + config.mode().name().toLowerCase(java.util.Locale.ROOT)
            + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    DeviceConnections mqtt =
        new DeviceConnections(
            config.mqttUrl(), clientId, config.maxInflight(), config.sharedLogin(), logins);
    Running running;
    if (config.mode() == SimulatorConfig.Mode.DEMO) {
      BuildingLayout layout = DemoBuilding.layout(config.rooms(), config.sensorsPerRoom());
      Instant simStart = config.simulatedStart().orElse(wallClock.instant());
      AcceleratedClock simClock = AcceleratedClock.of(wallClock, simStart, config.acceleration());
      List<CommunityMember> community = DemoCommunity.members(layout);
      connectDevices(
          mqtt, community, DemoDevices.in(layout.rooms().stream().map(SimRoom::name).toList()));
      // one simulation per building, all on the same seed: neighbours share the weather
      List<BuildingSimulation> buildings =
          community.stream()
              .map(
                  m ->
                      new BuildingSimulation(
                          m.layout(),
                          config.seed(),
                          simStart,
                          simClock.simulatedDuration(config.interval())))
              .toList();
      BuildingSimulation simulation = buildings.get(0);
      DemoRunner demo = new DemoRunner(buildings, simClock, config.interval(), mqtt).start();
      List<SimulatedBattery> batteries =
          community.stream()
              .flatMap(m -> m.batteries().stream())
              .map(
                  spec ->
                      new SimulatedBattery(
                          spec,
                          DEMO_BATTERY_START_SOC_PERCENT,
                          wallClock.instant(),
                          simClock.instant()))
              .toList();
      BatteryRunner batteryRunner =
          new BatteryRunner(batteries, wallClock, simClock, config.batteryStateInterval(), mqtt)
              .start();
      List<DemoDevices.DemoDevice> demoDevices =
          DemoDevices.in(layout.rooms().stream().map(SimRoom::name).toList());
      DeviceRunner deviceRunner =
          new DeviceRunner(
                  demoDevices.stream()
                      .map(d -> demoDevice(d, layout, config.seed(), wallClock, simClock))
                      .toList(),
                  simulation,
                  wallClock,
                  simClock,
                  config.interval(),
                  mqtt)
              .start();
      List<RegistryRecord> records =
          new java.util.ArrayList<>(RegistryRecords.ofCommunity(DemoCommunity.market(), community));
      records.addAll(
          RegistryRecords.ofDevices(
              layout.buildingId(),
              List.of(
                  new Room(DemoDevices.GARAGE, layout.buildingId(), DemoDevices.GARAGE_AREA_M2)),
              demoDevices.stream().map(DemoDevices.DemoDevice::spec).toList()));
      records.addAll(
          RegistryRecords.ofRules(
              DemoRules.forRooms(layout.rooms().stream().map(SimRoom::name).toList())));
      running = new Running(mqtt, demo, null, records, batteryRunner, deviceRunner);
    } else {
      ReplayRunner replay =
          new ReplayRunner(
                  config.replayFile(),
                  config.replayZone(),
                  config.replaySpeed(),
                  config.replayEndsNow(),
                  wallClock,
                  mqtt)
              .start();
      running = new Running(mqtt, null, replay, RegistryRecords.ofUciHouse(), null, null);
    }
    config
        .kafkaBootstrap()
        .ifPresentOrElse(
            running::registerInBackground,
            () ->
                LOG.info(
                    "{}=none: not registering the building", CommonOptions.KAFKA_BOOTSTRAP.name()));
    return running;
  }

  /** Opens the connections of the devices that have their own login, before anything publishes. */
  private static void connectDevices(
      DeviceConnections mqtt,
      List<CommunityMember> community,
      List<DemoDevices.DemoDevice> devices) {
    community.forEach(m -> m.layout().sensors().forEach(s -> mqtt.addSensor(s.sensorId())));
    community.forEach(m -> m.batteries().forEach(b -> mqtt.addBattery(b.id())));
    devices.forEach(d -> mqtt.addDevice(d.spec().id(), d.spec().meterId()));
    if (mqtt.deviceConnections() > 0) {
      LOG.info("{} simulated devices connect with their own MQTT login", mqtt.deviceConnections());
    }
  }

  private static DeviceRunner.Device demoDevice(
      DemoDevices.DemoDevice d,
      BuildingLayout layout,
      long seed,
      Clock wallClock,
      AcceleratedClock simClock) {
    SimulatedDevice device =
        new SimulatedDevice(
            d.spec(),
            PowerModels.of(d.spec(), layout.zone(), seed),
            d.defaults(),
            seed,
            DEMO_DEVICE_NOISE,
            wallClock.instant(),
            simClock.instant());
    return new DeviceRunner.Device(
        device,
        d.spec().type() == DeviceType.VENTILATION ? DemoDevices.VENTILATION_AIRFLOW_M3_PER_H : 0);
  }

  /** A running simulator; closing it stops publishing and disconnects. */
  public static final class Running implements AutoCloseable {
    private final DeviceConnections mqtt;
    private final DemoRunner demo;
    private final ReplayRunner replay;
    private final BatteryRunner batteries;
    private final DeviceRunner devices;
    private final List<RegistryRecord> registryRecords;
    private final CountDownLatch registered = new CountDownLatch(1);
    private final CountDownLatch closing = new CountDownLatch(1);
    private Thread registrar;

    Running(
        DeviceConnections mqtt,
        DemoRunner demo,
        ReplayRunner replay,
        List<RegistryRecord> registryRecords,
        BatteryRunner batteries,
        DeviceRunner devices) {
      this.batteries = batteries;
      this.devices = devices;
      this.mqtt = mqtt;
      this.demo = demo;
      this.replay = replay;
      this.registryRecords = registryRecords;
    }

    /** The registry records this simulator declares. */
    public List<RegistryRecord> registryRecords() {
      return registryRecords;
    }

    /** Readings handed to MQTT so far. */
    public long publishedReadings() {
      return demo != null ? demo.generated() : replay.published();
    }

    /** Readings the broker acknowledged. */
    public long acknowledgedReadings() {
      return mqtt.acked();
    }

    public long failedPublishes() {
      return mqtt.failed();
    }

    public boolean isConnected() {
      return mqtt.isConnected();
    }

    /** Devices connected with their own MQTT login (0: all share one connection). */
    public int deviceConnections() {
      return mqtt.deviceConnections();
    }

    /** Waits until the registry records were acknowledged by Kafka. */
    public boolean awaitRegistered(Duration timeout) throws InterruptedException {
      return registered.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Replay mode: waits for the end of the file. */
    public boolean awaitReplayFinished(Duration timeout) throws InterruptedException {
      if (replay == null) {
        throw new IllegalStateException("not a replay");
      }
      return replay.awaitFinished(timeout);
    }

    private void registerInBackground(String bootstrap) {
      registrar =
          new Thread(
              () -> {
                Duration backoff = Duration.ofSeconds(1);
                while (closing.getCount() > 0) {
                  try {
                    RegistryPublisher.register(
                        bootstrap, registryRecords, REGISTRY_ATTEMPT_TIMEOUT);
                    registered.countDown();
                    return;
                  } catch (RegistryPublisher.RegistryException e) {
                    LOG.warn(
                        "registry registration failed, retrying in {}: {}",
                        backoff,
                        e.getMessage());
                  }
                  try {
                    if (closing.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
                      return;
                    }
                  } catch (InterruptedException e) {
                    return;
                  }
                  backoff =
                      backoff.multipliedBy(2).compareTo(REGISTRY_MAX_BACKOFF) > 0
                          ? REGISTRY_MAX_BACKOFF
                          : backoff.multipliedBy(2);
                }
              },
              "voltstream-sim-registry");
      registrar.setDaemon(true);
      registrar.start();
    }

    @Override
    public void close() {
      closing.countDown();
      if (demo != null) {
        demo.close();
      }
      if (batteries != null) {
        batteries.close();
      }
      if (devices != null) {
        devices.close();
      }
      if (replay != null) {
        replay.close();
      }
      mqtt.close();
      if (registrar != null) {
        registrar.interrupt();
        try {
          registrar.join(5_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      LOG.info(
          "simulator stopped: {} readings published, {} acknowledged, {} failed",
          publishedReadings(),
          mqtt.acked(),
          mqtt.failed());
    }
  }
}
