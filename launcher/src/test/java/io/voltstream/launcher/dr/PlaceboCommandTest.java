package io.voltstream.launcher.dr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.launcher.cluster.ProjectLayout;
import io.voltstream.model.Json;
import io.voltstream.sim.SimulatorConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code voltstream dr placebo}: the table, the {@code --json} contract (one object on the last
 * line, every method for every dataset) and the datasets' loading.
 */
class PlaceboCommandTest {
  private static final List<String> LABELS =
      List.of("10of10", "10of10+adj", "high4of5", "high4of5+adj");

  @Test
  void shouldPrintATableAndTheJsonAsTheLastLine() throws Exception {
    PlaceboCommand command = new PlaceboCommand();
    new CommandLine(command)
        .parseArgs("--json", "--demo-days", "15", "--uci-csv", uciCsv().toString());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    assertThat(command.run(new PrintStream(bytes, true, StandardCharsets.UTF_8))).isZero();

    String[] lines = bytes.toString(StandardCharsets.UTF_8).strip().split("\n");
    assertThat(lines).filteredOn(l -> l.startsWith("{")).containsExactly(lines[lines.length - 1]);
    String table = String.join("\n", lines);
    for (String label : LABELS) {
      assertThat(table).containsPattern("(?m)^demo +" + java.util.regex.Pattern.quote(label) + " ");
      assertThat(table)
          .containsPattern("(?m)^uci_house +" + java.util.regex.Pattern.quote(label) + " ");
    }
    JsonNode root = Json.MAPPER.readTree(lines[lines.length - 1]);
    assertThat(root.get("goal_abs_bias_percent").asDouble()).isEqualTo(5.0);
    assertThat(root.get("interval_minutes").asInt()).isEqualTo(15);
    assertThat(root.get("windows").toString()).isEqualTo("[\"12:00-14:00\",\"17:00-19:00\"]");
    for (String dataset : List.of("demo", "uci_house")) {
      JsonNode methods = root.get("datasets").get(dataset).get("methods");
      assertThat(methods.fieldNames()).toIterable().containsExactlyElementsOf(LABELS);
      methods.forEach(
          m -> {
            assertThat(m.get("windows").asInt()).isPositive();
            assertThat(m.get("bias_percent").isNumber()).isTrue();
            assertThat(m.get("cv_rmse_percent").asDouble()).isPositive();
            assertThat(m.get("meets_goal").isBoolean()).isTrue();
            assertThat(m.get("by_window").fieldNames())
                .toIterable()
                .containsExactly("12:00-14:00", "17:00-19:00");
            assertThat(m.get("fallbacks").isObject()).isTrue();
          });
    }
    // 15 simulated days: the 14 after the first, two windows each
    JsonNode demo = root.get("datasets").get("demo").get("methods").get("10of10");
    assertThat(demo.get("windows").asInt()).isEqualTo(28);
    // only Monday 03-16 has 10 weekdays before it (03-02 … 03-13): its two windows are the only
    // ones without a fallback
    assertThat(demo.get("full_history").get("windows").asInt()).isEqualTo(2);
    assertThat(
            demo.get("fallbacks").get("fewer_days").asInt()
                + demo.get("fallbacks").path("pre_event").asInt(0))
        .isEqualTo(26);
  }

  @Test
  void shouldReadTheUciHouseAsQuarterHourlyKilowatts() throws Exception {
    PlaceboDataset uci;
    try (Reader csv = Files.newBufferedReader(uciCsv(), StandardCharsets.UTF_8)) {
      uci = PlaceboDataset.uci(csv);
    }
    assertThat(uci.history().interval()).isEqualTo(Duration.ofMinutes(15));
    assertThat(uci.firstDay()).isEqualTo(LocalDate.of(2016, 2, 14));
    assertThat(uci.lastDay()).isEqualTo(LocalDate.of(2016, 4, 30));
    Instant first = LocalDateTime.of(2016, 2, 14, 0, 0).atZone(uci.zone()).toInstant();
    // rows 00:00 (50 + 10 Wh) and 00:10 (50 + 0 Wh) per 10 min = 0.36 and 0.30 kW:
    // [00:00, 00:15) = (10 × 0.36 + 5 × 0.30) / 15 = 0.34 kW
    assertThat(uci.history().meanKwByStart().get(first)).isCloseTo(0.34, within(1e-9));
  }

  @Test
  void shouldSimulateTheDemoBuildingsConsumption() {
    PlaceboDataset demo = PlaceboDataset.demo(42, LocalDate.of(2026, 3, 2), 2);
    assertThat(demo.history().interval()).isEqualTo(Duration.ofMinutes(15));
    assertThat(demo.history().meanKwByStart()).hasSize(2 * 96);
    // 8 weeks across the spring-forward Sunday 2026-03-29 still end at local midnight
    PlaceboDataset weeks = PlaceboDataset.demo(42, LocalDate.of(2026, 3, 23), 7);
    assertThat(weeks.lastDay()).isEqualTo(LocalDate.of(2026, 3, 29));
    assertThat(weeks.history().meanKwByStart()).hasSize(7 * 96 - 4);
    assertThat(demo.history().meanKwByStart().values())
        .allSatisfy(kw -> assertThat(kw).isPositive());
  }

  private static Path uciCsv() {
    return ProjectLayout.root().resolve(SimulatorConfig.DEFAULT_REPLAY_FILE);
  }
}
