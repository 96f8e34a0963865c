package io.voltstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.energy.scorecard.Scorecard;
import io.voltstream.model.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The scorecard's {@code --json} contract: one object on the last line, rows keyed by strategy. */
class ScorecardCommandTest {
  private static final List<String> FIELDS =
      List.of("peak_import_kw", "self_consumption_pct", "cost_eur", "soc_violations", "cycles");

  @Test
  void jsonIsTheLastLineWithEveryStrategyForEveryScenario() throws Exception {
    ScorecardCommand command = new ScorecardCommand();
    new CommandLine(command)
        .parseArgs("--json", "--days", "1", "--warmup-days", "8", "--uci-csv", uciCsv().toString());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    assertThat(command.run(new PrintStream(bytes, true, StandardCharsets.UTF_8))).isZero();

    String[] lines = bytes.toString(StandardCharsets.UTF_8).strip().split("\n");
    assertThat(lines).filteredOn(l -> l.startsWith("{")).containsExactly(lines[lines.length - 1]);
    assertThat(String.join("\n", lines)).contains("Scenario demo").contains("Scenario uci_house");
    JsonNode root = Json.MAPPER.readTree(lines[lines.length - 1]);
    assertThat(root.get("primary_scenario").asText()).isEqualTo("demo");
    assertStrategies(root.get("strategies"));
    assertThat(root.get("scenarios").size()).isEqualTo(2);
    for (String scenario : List.of("demo", "uci_house")) {
      JsonNode one = root.get("scenarios").get(scenario);
      assertStrategies(one.get("strategies"));
      assertThat(one.get("goals").get("violations_met").isBoolean()).isTrue();
      assertThat(one.get("peak_shaving_threshold_kw").asDouble()).isPositive();
    }
    assertThat(root.get("strategies"))
        .isEqualTo(root.get("scenarios").get("demo").get("strategies"));
  }

  private static void assertStrategies(JsonNode strategies) {
    assertThat(strategies.fieldNames())
        .toIterable()
        .containsExactlyElementsOf(Scorecard.STRATEGIES);
    strategies.forEach(
        row -> {
          for (String field : FIELDS) {
            assertThat(row.get(field)).as(field).isNotNull();
            assertThat(row.get(field).isNumber()).as(field).isTrue();
          }
          assertThat(row.get("soc_violations").isInt()).isTrue();
        });
  }

  private static Path uciCsv() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(ScorecardCommand.DEFAULT_UCI_CSV);
      if (Files.isReadable(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError(
        "data/uci-appliances/ not found above " + Path.of("").toAbsolutePath());
  }
}
