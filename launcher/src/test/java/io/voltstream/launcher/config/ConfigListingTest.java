package io.voltstream.launcher.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.config.ConfigReader;
import io.voltstream.config.Option;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ConfigListingTest {
  private static final Path ROOT = Path.of("..");

  @Test
  void shouldShowValueAndSourceOfEachSetting() {
    ConfigListing listing =
        new ConfigListing(
            Settings.bySection(),
            Map.of("VOLTSTREAM_API_PORT", "9000", "VOLTSTREAM_KAFKA_BOOTSTRAP", "env:9092"),
            Map.of("VOLTSTREAM_KAFKA_BOOTSTRAP", "flag:9092"));

    assertThat(listing.row(find("VOLTSTREAM_API_PORT")))
        .isEqualTo(
            new ConfigListing.Row(
                "VOLTSTREAM_API_PORT", "9000", "env", "", "HTTP port; 0 = any free port"));
    assertThat(listing.row(find("VOLTSTREAM_KAFKA_BOOTSTRAP")).value()).isEqualTo("flag:9092");
    assertThat(listing.row(find("VOLTSTREAM_KAFKA_BOOTSTRAP")).source()).isEqualTo("flag");
    assertThat(listing.row(find("VOLTSTREAM_API_MAX_BODY_BYTES")))
        .isEqualTo(
            new ConfigListing.Row(
                "VOLTSTREAM_API_MAX_BODY_BYTES",
                "1048576",
                "default",
                "B",
                "Largest accepted request body; larger bodies get 413"));
    assertThat(listing.row(find("VOLTSTREAM_SIM_START")).source()).isEqualTo("unset");
    assertThat(listing.row(find("VOLTSTREAM_SIM_START")).value()).isEmpty();
  }

  @Test
  void shouldMaskSecrets() {
    String secret = "s".repeat(40);
    ConfigListing listing =
        new ConfigListing(
            Settings.bySection(),
            Map.of(
                "VOLTSTREAM_JWT_SECRET",
                secret,
                "VOLTSTREAM_INFLUX_PASSWORD",
                "hunter2",
                "VOLTSTREAM_MQTT_PASSWORD",
                "x"),
            Map.of());

    assertThat(listing.row(find("VOLTSTREAM_JWT_SECRET")).value()).isEqualTo(ConfigListing.MASK);
    assertThat(listing.render())
        .doesNotContain(secret, "hunter2")
        .contains("VOLTSTREAM_JWT_SECRET");
    ConfigListing shortSecret =
        new ConfigListing(
            Settings.bySection(), Map.of("VOLTSTREAM_JWT_SECRET", "tooshort"), Map.of());
    assertThat(shortSecret.errors())
        .containsExactly(
            "VOLTSTREAM_JWT_SECRET: expected at least 32 characters (value not shown)");
    assertThat(shortSecret.render()).doesNotContain("tooshort");
  }

  @Test
  void shouldReportInvalidDeprecatedAndUnknownVariables() {
    ConfigListing listing =
        new ConfigListing(
            Settings.bySection(),
            Map.of(
                "VOLTSTREAM_API_PORT", "abc",
                "VOLTSTREAM_API_WRITE_TIMEOUT_MS", "2500",
                "VOLTSTREAM_API_PROT", "8000",
                "VOLTSTREAM_JWT_SECRET_FILE", "/nonexistent/jwt_secret"),
            Map.of());

    // A NAME_FILE variable is known (no typo warning); its unreadable file is an error naming it.
    assertThat(listing.errors())
        .hasSize(2)
        .contains("VOLTSTREAM_API_PORT: expected an integer between 0 and 65535, got 'abc'")
        .anySatisfy(
            e ->
                assertThat(e)
                    .startsWith(
                        "VOLTSTREAM_JWT_SECRET_FILE: cannot read the file"
                            + " '/nonexistent/jwt_secret'"));
    assertThat(listing.warnings())
        .containsExactly(
            "VOLTSTREAM_API_WRITE_TIMEOUT_MS is deprecated: use VOLTSTREAM_API_WRITE_TIMEOUT"
                + " (500ms, 30s, 5m, 1h or 2d)",
            "VOLTSTREAM_API_PROT is not read by any Voltstream deployable (a typo?)");
    assertThat(listing.row(find("VOLTSTREAM_API_WRITE_TIMEOUT")))
        .extracting(ConfigListing.Row::value, ConfigListing.Row::source)
        .containsExactly("2500", "env (VOLTSTREAM_API_WRITE_TIMEOUT_MS)");
  }

  @Test
  void shouldListEverySettingOnceWithADescription() {
    List<Option<?>> all = Settings.all();
    assertThat(all.stream().map(Option::name)).doesNotHaveDuplicates();
    assertThat(all).allSatisfy(o -> assertThat(o.description()).as(o.name()).isNotBlank());
    String listing = new ConfigListing(Settings.bySection(), Map.of(), Map.of()).render();
    assertThat(all).allSatisfy(o -> assertThat(listing).contains(o.name()));
  }

  /**
   * Every variable the code, scripts, deployment files and docs mention is one that is declared (or
   * its old name).
   */
  @Test
  void shouldDeclareEveryVariableTheProjectMentions() throws IOException {
    Set<String> declared = new TreeSet<>();
    for (Option<?> o : Settings.all()) {
      declared.add(o.name());
      // Any setting may be given as NAME_FILE, the path of a file holding its value (secrets).
      declared.add(o.name() + ConfigReader.FILE_SUFFIX);
      o.legacyNames().forEach(l -> declared.add(l.name()));
    }
    Pattern variable = Pattern.compile("VOLTSTREAM_[A-Z0-9_]*[A-Z0-9](?![A-Z0-9_*])");
    Set<String> mentioned = new TreeSet<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      for (Path f : files.filter(ConfigListingTest::scanned).toList()) {
        Matcher m = variable.matcher(Files.readString(f));
        while (m.find()) {
          if (!m.group()
              .matches("VOLTSTREAM_X+")) { // placeholders such as --set VOLTSTREAM_X=value
            mentioned.add(m.group());
          }
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    assertThat(mentioned)
        .as("declared in an XxxOptions class")
        .isNotEmpty()
        .allSatisfy(name -> assertThat(declared).as(name).contains(name));
  }

  private static boolean scanned(Path p) {
    String s = ROOT.relativize(p).toString().replace('\\', '/');
    if (s.contains("/target/")
        || s.startsWith(".")
        || s.contains("/.")
        || s.contains("/src/test/")
        || s.startsWith("var/")
        || s.startsWith("data/")
        || !Files.isRegularFile(p)) {
      return false;
    }
    return s.endsWith(".java")
        || s.endsWith(".md")
        || s.endsWith(".yml")
        || s.endsWith(".yaml")
        || s.endsWith(".sh")
        || s.equals("voltstream")
        || s.equals("Dockerfile")
        || s.startsWith("deploy/")
        || s.startsWith("flink-conf/");
  }

  private static Option<?> find(String name) {
    return Settings.all().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
  }
}
