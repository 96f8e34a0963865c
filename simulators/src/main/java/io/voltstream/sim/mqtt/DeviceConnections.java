package io.voltstream.sim.mqtt;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The simulator's MQTT connections: one per simulated device that has its own login (the broker
 * lets it use only its own topics), and one shared connection, opened only when some device has no
 * login (or for replays). A publish or subscription goes to the connection of the device that owns
 * the topic ({@code sensors/{id}/…}, {@code batteries/{id}/…}, {@code devices/{id}/…}; a device
 * also owns its meter's {@code sensors/{meter}/…}).
 */
public final class DeviceConnections implements MqttLink, AutoCloseable {
  private final URI broker;
  private final String clientPrefix;
  private final int maxInflight;
  private final Optional<DeviceLogins.Login> sharedLogin;
  private final DeviceLogins logins;
  private final Map<String, MqttPublisher> byOwner = new ConcurrentHashMap<>();
  private final List<MqttPublisher> opened = new ArrayList<>();
  private MqttPublisher shared;

  /**
   * @param clientPrefix client ids are {@code <prefix>-<device id>} and {@code <prefix>} (shared)
   * @param sharedLogin the shared connection's login (e.g. a service account), or anonymous
   */
  public DeviceConnections(
      URI broker,
      String clientPrefix,
      int maxInflight,
      Optional<DeviceLogins.Login> sharedLogin,
      DeviceLogins logins) {
    this.broker = broker;
    this.clientPrefix = clientPrefix;
    this.maxInflight = maxInflight;
    this.sharedLogin = sharedLogin;
    this.logins = logins;
  }

  /** Opens a sensor's connection when it has a login. */
  public void addSensor(String sensorId) {
    add(DeviceLogins.Kind.SENSOR, sensorId, null, List.of("sensors/" + sensorId));
  }

  /** Opens a battery's connection when it has a login. */
  public void addBattery(String batteryId) {
    add(DeviceLogins.Kind.BATTERY, batteryId, null, List.of("batteries/" + batteryId));
  }

  /** Opens a device's connection (also for its meter's readings) when it has a login. */
  public void addDevice(String deviceId, String meterId) {
    add(
        DeviceLogins.Kind.DEVICE,
        deviceId,
        meterId,
        List.of("devices/" + deviceId, "sensors/" + meterId));
  }

  private synchronized void add(
      DeviceLogins.Kind kind, String id, String meterId, List<String> owned) {
    logins
        .loginFor(kind, id, meterId)
        .ifPresent(
            login -> {
              MqttPublisher p =
                  MqttPublisher.start(
                      broker, clientPrefix + "-" + id, maxInflight, Optional.of(login));
              opened.add(p);
              owned.forEach(prefix -> byOwner.put(prefix, p));
            });
  }

  @Override
  public CompletableFuture<Void> publish(String topic, byte[] payload) {
    return route(topic).publish(topic, payload);
  }

  @Override
  public CompletableFuture<Void> publish(String topic, Supplier<byte[]> payload) {
    return route(topic).publish(topic, payload);
  }

  @Override
  public void subscribe(String topicFilter, BiConsumer<String, byte[]> handler) {
    route(topicFilter).subscribe(topicFilter, handler);
  }

  /** Connections with their own login. */
  public synchronized int deviceConnections() {
    return (int) opened.stream().filter(p -> p != shared).count();
  }

  /** Publishes acknowledged by the broker, over every connection. */
  public synchronized long acked() {
    return opened.stream().mapToLong(MqttPublisher::acked).sum();
  }

  /** Publishes that failed (refused or undeliverable), over every connection. */
  public synchronized long failed() {
    return opened.stream().mapToLong(MqttPublisher::failed).sum();
  }

  /** Whether every opened connection is connected. */
  public synchronized boolean isConnected() {
    return !opened.isEmpty() && opened.stream().allMatch(MqttPublisher::isConnected);
  }

  @Override
  public synchronized void close() {
    opened.forEach(MqttPublisher::close);
  }

  private MqttPublisher route(String topic) {
    int second = topic.indexOf('/', topic.indexOf('/') + 1);
    String owner = second < 0 ? topic : topic.substring(0, second);
    MqttPublisher own = byOwner.get(owner);
    return own != null ? own : shared();
  }

  private synchronized MqttPublisher shared() {
    if (shared == null) {
      shared = MqttPublisher.start(broker, clientPrefix, maxInflight, sharedLogin);
      opened.add(shared);
    }
    return shared;
  }
}
