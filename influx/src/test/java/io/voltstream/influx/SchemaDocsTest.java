package io.voltstream.influx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The schema is the source of the measurement docs: the top-level README's summary table and the
 * influx README's field tables must be exactly what {@link SchemaDocs} renders. On a failure, paste
 * the expected text (shown in the assertion message) between the markers.
 */
class SchemaDocsTest {
  private static final Path MODULE = Path.of("").toAbsolutePath();

  @Test
  void topLevelReadmeListsEveryMeasurementAsDeclared() throws IOException {
    String readme = Files.readString(MODULE.getParent().resolve("README.md"));
    assertThat(SchemaDocs.section(readme, SchemaDocs.SUMMARY))
        .as("README.md section <!-- %s:start/end -->", SchemaDocs.SUMMARY)
        .isEqualTo(SchemaDocs.summaryTable(Schema.ALL));
  }

  @Test
  void influxReadmeHasTheFieldTableOfEveryMeasurement() throws IOException {
    String readme = Files.readString(MODULE.resolve("README.md"));
    assertThat(SchemaDocs.section(readme, SchemaDocs.TABLES))
        .as("influx/README.md section <!-- %s:start/end -->", SchemaDocs.TABLES)
        .isEqualTo(SchemaDocs.fieldTables(Schema.ALL));
  }

  @Test
  void everyDeclaredMeasurementIsListedOnceWithUniqueColumns() {
    List<Object> constants =
        Arrays.stream(Schema.class.getFields())
            .filter(
                f ->
                    Modifier.isStatic(f.getModifiers())
                        && Measurement.class.isAssignableFrom(f.getType()))
            .map(
                f -> {
                  try {
                    return f.get(null);
                  } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                  }
                })
            .toList();
    assertThat(Schema.ALL)
        .containsExactlyInAnyOrderElementsOf(
            constants.stream().map(Measurement.class::cast).toList());
    assertThat(new HashSet<>(Schema.ALL.stream().map(Measurement::name).toList()))
        .hasSameSizeAs(Schema.ALL);
    for (Measurement m : Schema.ALL) {
      List<String> keys =
          Stream.concat(m.tags().stream(), m.fields().stream()).map(Column::name).toList();
      assertThat(new HashSet<>(keys)).as(m.name()).hasSameSizeAs(keys);
      assertThat(m.fields()).as(m.name() + " has fields").isNotEmpty();
    }
  }
}
