package io.voltstream.api.mqttauth;

import io.voltstream.config.ConfigReader;
import io.voltstream.config.Option;
import io.voltstream.config.ValueType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How the API reaches the broker's dynamic-security admin to issue device credentials. Unset
 * password (and file): the credential routes answer 503 and the broker's accounts are managed
 * elsewhere.
 */
public final class MqttAdminOptions {
  public static final Option<String> ADMIN_USERNAME =
      Option.of(
          "VOLTSTREAM_MQTT_ADMIN_USERNAME",
          ValueType.string(),
          "voltstream-admin",
          "mosquitto dynamic-security admin that issues device credentials");
  public static final Option<String> ADMIN_PASSWORD =
      Option.of(
              "VOLTSTREAM_MQTT_ADMIN_PASSWORD",
              ValueType.string(),
              null,
              "Password of that admin; unset (and no file) = device credential routes answer 503")
          .asSecret();
  public static final Option<Path> ADMIN_PASSWORD_FILE =
      Option.of(
          "VOLTSTREAM_MQTT_ADMIN_PASSWORD_FILE",
          ValueType.path(),
          null,
          "File holding that password (e.g. a Docker secret); wins over the variable");

  public static final Option<Path> INGEST_PASSWORD_FILE =
      Option.of(
          "VOLTSTREAM_MQTT_INGEST_PASSWORD_FILE",
          ValueType.path(),
          null,
          "With the admin set: the API gives ingest's service account (voltstream-ingest) the"
              + " password in this file at start, retrying until the broker answers; unset ="
              + " managed elsewhere");

  private MqttAdminOptions() {}

  /** The admin's login; {@link #toString()} hides the password. */
  public record MqttAdmin(String username, String password) {
    @Override
    public String toString() {
      return "MqttAdmin[username=" + username + ", password=<redacted>]";
    }
  }

  public static List<Option<?>> all() {
    return List.of(ADMIN_USERNAME, ADMIN_PASSWORD, ADMIN_PASSWORD_FILE, INGEST_PASSWORD_FILE);
  }

  /** The configured admin, or empty when no password is set. */
  public static Optional<MqttAdmin> admin(ConfigReader r) {
    Optional<String> password =
        r.find(ADMIN_PASSWORD_FILE)
            .map(MqttAdminOptions::readSecret)
            .or(() -> r.find(ADMIN_PASSWORD));
    return password.map(p -> new MqttAdmin(r.get(ADMIN_USERNAME), p));
  }

  /** The ingest service account's password from {@link #INGEST_PASSWORD_FILE}, if set. */
  public static Optional<String> ingestPassword(ConfigReader r) {
    return r.find(INGEST_PASSWORD_FILE).map(MqttAdminOptions::readSecret);
  }

  private static String readSecret(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (text.isEmpty()) {
        throw new IllegalArgumentException(file + " (a password file) is empty");
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the password file " + file, e);
    }
  }
}
