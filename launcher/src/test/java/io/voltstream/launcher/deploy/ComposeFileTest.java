package io.voltstream.launcher.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.voltstream.config.ConfigReader;
import io.voltstream.config.Option;
import io.voltstream.launcher.VoltstreamCli;
import io.voltstream.launcher.cluster.ProjectLayout;
import io.voltstream.launcher.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * Checks docker-compose.yml the way {@code docker compose config} would, plus what the code reads:
 * there is no Docker engine on the build machines, so this is the only check the file gets. It
 * fails when an image floats, a back end is published, a secret is written inline, or a service
 * sets a {@code VOLTSTREAM_*} variable no code reads (a typo there is silently ignored at run
 * time).
 */
class ComposeFileTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** name:tag with a full x.y.z version (optionally -suffix), or a digest. */
  private static final Pattern PINNED_IMAGE =
      Pattern.compile("[a-z0-9./-]+(:v?\\d+\\.\\d+\\.\\d+(-[A-Za-z0-9.]+)?|@sha256:[0-9a-f]{64})");

  private static final Set<String> PUBLISHED = Set.of("api", "grafana");
  private static final Set<String> VOLTSTREAM_ROLES =
      Set.of("jobs-submit", "ingest", "api", "forecast", "simulator");

  private static Path root;
  private static JsonNode compose;
  private static JsonNode services;

  @BeforeAll
  static void load() throws IOException {
    root = ProjectLayout.root();
    // SnakeYAML resolves anchors and merge keys (<<) as Compose does; Jackson then walks the tree.
    Object parsed = new Yaml().load(Files.readString(root.resolve("docker-compose.yml")));
    compose = YAML.valueToTree(parsed);
    services = compose.get("services");
  }

  @Test
  void shouldPinEveryImageToAnExactVersion() {
    services
        .properties()
        .forEach(
            e -> {
              JsonNode service = e.getValue();
              if (service.has("image")) {
                assertThat(service.get("image").asText())
                    .as("image of %s", e.getKey())
                    .matches(PINNED_IMAGE);
              } else {
                assertThat(service.has("build"))
                    .as("%s has an image or a build", e.getKey())
                    .isTrue();
              }
            });
  }

  @Test
  void shouldPublishOnlyTheApiAndGrafana() {
    Set<String> published = new HashSet<>();
    services
        .properties()
        .forEach(
            e -> {
              if (e.getValue().has("ports") && !e.getValue().get("ports").isEmpty()) {
                published.add(e.getKey());
              }
            });
    assertThat(published).isEqualTo(PUBLISHED);
    assertThat(text(services.at("/grafana/environment/GF_AUTH_ANONYMOUS_ENABLED")))
        .isEqualTo("false");
    assertThat(text(services.at("/grafana/environment/GF_USERS_ALLOW_SIGN_UP"))).isEqualTo("false");
  }

  @Test
  void shouldSetOnlyVariablesTheCodeReads() {
    Set<String> known =
        Settings.bySection().values().stream()
            .flatMap(List::stream)
            .map(Option::name)
            .collect(Collectors.toSet());
    for (String role : VOLTSTREAM_ROLES) {
      for (String name : environment(role).keySet()) {
        if (!name.startsWith(Option.PREFIX)) {
          continue;
        }
        // A setting itself, or NAME_FILE naming the file that holds setting NAME.
        String stem =
            name.endsWith(ConfigReader.FILE_SUFFIX)
                ? name.substring(0, name.length() - ConfigReader.FILE_SUFFIX.length())
                : name;
        assertThat(known.contains(name) || known.contains(stem))
            .as("%s sets %s, which no code reads", role, name)
            .isTrue();
      }
    }
  }

  @Test
  void shouldRunOnlyCommandsTheLauncherHas() {
    Set<String> commands = new CommandLine(new VoltstreamCli()).getSubcommands().keySet();
    for (String role : VOLTSTREAM_ROLES) {
      assertThat(commands)
          .as("command of %s", role)
          .contains(services.at("/" + role + "/command/0").asText());
    }
  }

  @Test
  void shouldNeverWriteASecretInline() {
    Set<String> secretSettings =
        Settings.bySection().values().stream()
            .flatMap(List::stream)
            .filter(Option::secret)
            .map(Option::name)
            .collect(Collectors.toSet());
    Set<String> declared = new HashSet<>();
    compose.get("secrets").fieldNames().forEachRemaining(declared::add);
    services
        .properties()
        .forEach(
            e -> {
              String role = e.getKey();
              Set<String> mounted = new HashSet<>();
              e.getValue().path("secrets").forEach(s -> mounted.add(s.asText()));
              assertThat(declared).as("secrets of %s are declared", role).containsAll(mounted);
              environment(role)
                  .forEach(
                      (name, value) -> {
                        assertThat(secretSettings)
                            .as("%s: %s given inline", role, name)
                            .doesNotContain(name);
                        if (looksSecret(name)) {
                          assertThat(name).as("%s: %s", role, name).matches(".*_FILE");
                        }
                        if (name.endsWith("_FILE")) {
                          assertThat(value).as("%s: %s", role, name).startsWith("/run/secrets/");
                          assertThat(mounted)
                              .as("%s mounts the secret %s names", role, name)
                              .contains(value.substring("/run/secrets/".length()));
                        }
                      });
            });
    compose
        .get("secrets")
        .properties()
        .forEach(
            e ->
                assertThat(e.getValue().get("file").asText())
                    .as("secret %s", e.getKey())
                    .startsWith("./secrets/"));
  }

  @Test
  void shouldKeepGeneratedSecretsOutOfTheRepository() throws IOException {
    assertThat(Files.readAllLines(root.resolve(".gitignore"))).contains("secrets/");
    assertThat(root.resolve("deploy/make-secrets.sh")).isExecutable();
    String script = Files.readString(root.resolve("deploy/make-secrets.sh"));
    compose
        .get("secrets")
        .properties()
        .forEach(
            e ->
                assertThat(script)
                    .as("make-secrets.sh writes %s", e.getKey())
                    .contains(e.getKey()));
  }

  @Test
  void shouldRequireAuthenticationOnTheBackEnds() throws IOException {
    assertThat(text(services.at("/influxdb/environment/INFLUXDB_HTTP_AUTH_ENABLED")))
        .isEqualTo("true");
    for (String role : VOLTSTREAM_ROLES) {
      Map<String, String> env = environment(role);
      assertThat(env)
          .as(role)
          .containsKey("VOLTSTREAM_INFLUX_USER")
          .containsKey("VOLTSTREAM_INFLUX_PASSWORD_FILE");
    }
    assertThat(environment("api")).containsKey("VOLTSTREAM_JWT_SECRET_FILE");
    assertThat(environment("ingest"))
        .containsKeys("VOLTSTREAM_MQTT_USERNAME", "VOLTSTREAM_MQTT_PASSWORD_FILE");
    assertThat(environment("simulator")).containsKey("VOLTSTREAM_SIM_MQTT_LOGINS_FILE");
    assertThat(environment("api"))
        .containsKeys(
            "VOLTSTREAM_MQTT_ADMIN_PASSWORD_FILE", "VOLTSTREAM_MQTT_INGEST_PASSWORD_FILE");
    List<String> mosquitto = mosquittoConf();
    assertThat(mosquitto)
        .contains(
            "allow_anonymous false", "plugin_opt_config_file /mosquitto/data/dynamic-security.json")
        .anySatisfy(l -> assertThat(l).matches("plugin .*mosquitto_dynamic_security\\.so"));
    // The entrypoint creates the plugin's file with the admin account the API logs in with.
    assertThat(String.join(" ", texts(services.at("/mosquitto/entrypoint"))))
        .contains("mosquitto_ctrl dynsec init /mosquitto/data/dynamic-security.json")
        .contains("/run/secrets/mqtt_admin_password");
  }

  @Test
  void shouldKeepFlinkUploadsOffAndCheckpointsOnASharedVolume() throws IOException {
    JsonNode jm = YAML.readTree(services.at("/jobmanager/environment/FLINK_PROPERTIES").asText());
    assertThat(jm.get("web.submit.enable").asBoolean(true)).isFalse();
    assertThat(jm.get("execution.checkpointing.externalized-checkpoint-retention").asText())
        .isEqualTo("RETAIN_ON_CANCELLATION");
    String checkpoints = jm.get("state.checkpoints.dir").asText();
    String savepoints = jm.get("state.savepoints.dir").asText();
    for (String role : List.of("jobmanager", "taskmanager")) {
      List<String> volumes = new ArrayList<>();
      services.at("/" + role + "/volumes").forEach(v -> volumes.add(v.asText()));
      String mount =
          volumes.stream().filter(v -> v.startsWith("flink-data:")).findFirst().orElseThrow();
      String path = mount.substring("flink-data:".length());
      assertThat(checkpoints).as(role).startsWith("file://" + path + "/");
      assertThat(savepoints).as(role).startsWith("file://" + path + "/");
    }
    assertThat(compose.get("volumes").has("flink-data")).isTrue();
    JsonNode tm = YAML.readTree(services.at("/taskmanager/environment/FLINK_PROPERTIES").asText());
    // Every job runs with parallelism 2 in its own slot-sharing group of slots: 2 per job.
    assertThat(tm.get("taskmanager.numberOfTaskSlots").asInt())
        .isGreaterThanOrEqualTo(2 * io.voltstream.launcher.stack.StreamJobs.ALL.size());
  }

  private static List<String> mosquittoConf() throws IOException {
    return Files.readAllLines(root.resolve("deploy/mosquitto/mosquitto.conf")).stream()
        .map(String::trim)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList();
  }

  private static boolean looksSecret(String name) {
    return name.matches(".*(PASSWORD|SECRET|TOKEN).*");
  }

  /** A service's environment with the YAML merge key and anchors resolved. */
  private static Map<String, String> environment(String role) {
    Map<String, String> env = new LinkedHashMap<>();
    JsonNode node = services.at("/" + role + "/environment");
    node.properties()
        .forEach(
            e -> {
              if (e.getKey().equals("<<")) {
                e.getValue().properties().forEach(m -> env.put(m.getKey(), m.getValue().asText()));
              } else {
                env.put(e.getKey(), e.getValue().asText());
              }
            });
    return env;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static String text(JsonNode node) {
    return node.isMissingNode() ? null : node.asText();
  }
}
