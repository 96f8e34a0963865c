package io.voltstream.sim.mqtt;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where a simulated device gets its own MQTT login (the registry issues one per device: serving-api
 * {@code POST …/mqtt-credentials}). The demo issues them in process; {@code voltstream simulate}
 * reads them from a file; without logins every device shares one connection.
 */
@FunctionalInterface
public interface DeviceLogins {
  /** The kinds of simulated device, as the registry names them. */
  enum Kind {
    SENSOR,
    BATTERY,
    DEVICE
  }

  /** A device's login; {@link #toString()} hides the password. */
  record Login(String username, String password) {
    @Override
    public String toString() {
      return "Login[username=" + username + ", password=<redacted>]";
    }
  }

  /**
   * The login of device {@code id} of {@code kind} ({@code meterId}: a device's meter sensor, else
   * null), or empty to use the shared connection.
   */
  Optional<Login> loginFor(Kind kind, String id, String meterId);

  /** No per-device logins: every device shares the simulator's connection. */
  static DeviceLogins none() {
    return (kind, id, meterId) -> Optional.empty();
  }

  /**
   * Logins from a Java properties file, one {@code device-id=password} line per device (user name =
   * device id, as the registry issues them). Devices not in the file use the shared connection.
   */
  static DeviceLogins fromFile(Path file) {
    Properties props = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read MQTT device logins from " + file, e);
    }
    Map<String, String> passwords = new java.util.HashMap<>();
    props.stringPropertyNames().forEach(id -> passwords.put(id, props.getProperty(id).strip()));
    return (kind, id, meterId) ->
        Optional.ofNullable(passwords.get(id)).map(password -> new Login(id, password));
  }
}
