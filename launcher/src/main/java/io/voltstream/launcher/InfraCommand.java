package io.voltstream.launcher;

import io.voltstream.api.mqttauth.DeviceCredentials;
import io.voltstream.api.mqttauth.MqttGrants;
import io.voltstream.launcher.stack.Lifecycle;
import io.voltstream.launcher.stack.LocalInfrastructure;
import io.voltstream.launcher.stack.LocalInfrastructure.LocalInfrastructureConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Starts only the local servers (Kafka, mosquitto, influxd), for running the roles separately. */
@Command(
    name = "infra",
    mixinStandardHelpOptions = true,
    description =
        "Run only Kafka (in-process), mosquitto and influxd with data under the data dir.")
final class InfraCommand implements Callable<Integer> {
  @Mixin ConnectionOptions options;

  @Override
  public Integer call() throws Exception {
    Lifecycle lifecycle = new Lifecycle();
    LocalInfrastructure infra =
        lifecycle.add(
            "local servers",
            LocalInfrastructure.start(LocalInfrastructureConfig.fromEnv(options.environment())));
    System.out.println(
        "Kafka "
            + infra.kafka().bootstrapServers()
            + " · MQTT "
            + infra.mosquitto().serverUri()
            + " · InfluxDB "
            + infra.influx().url()
            + " — Ctrl-C stops them.");
    infra.mqttAccounts(lifecycle).ifPresent(accounts -> printLogins(infra, accounts));
    Blocking.untilShutdown(lifecycle);
    return 0;
  }

  /**
   * mosquitto admits only accounts: creates ingest's service account (password in {@code <mosquitto
   * dir>/ingest.password}, mode 600) and says how the other roles log in.
   */
  private static void printLogins(LocalInfrastructure infra, DeviceCredentials credentials) {
    Path dir = infra.mosquitto().dir();
    String password = credentials.newPassword();
    credentials.ensureService(MqttGrants.INGEST_ACCOUNT, MqttGrants.ingest(), password);
    Path ingestFile = dir.resolve("ingest.password");
    try {
      Files.writeString(ingestFile, password, StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(ingestFile, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + ingestFile, e);
    }
    System.out.println(
        "MQTT requires logins (VOLTSTREAM_MQTT_AUTH=false: anonymous):\n"
            + "  ingest: VOLTSTREAM_MQTT_USERNAME="
            + MqttGrants.INGEST_ACCOUNT
            + " VOLTSTREAM_MQTT_PASSWORD=$(cat "
            + ingestFile
            + ")\n"
            + "  api:    VOLTSTREAM_MQTT_ADMIN_PASSWORD_FILE="
            + dir.resolve("admin.password")
            + " (issues device logins: POST .../mqtt-credentials)");
  }
}
