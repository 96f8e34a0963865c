package io.voltstream.forecast.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UciCsvReaderTest {
  private static final String HEADER = "date,Appliances,lights,T_out,rv1\n";

  @Test
  void shouldSumTargetColumnsPerHourAndAverageCovariates() throws Exception {
    String csv =
        HEADER
            + "14/02/2016 0:00,50,10,2.0,1\n"
            + "14/02/2016 0:10,60,0,4.0,1\n"
            + "14/02/2016 0:50,40,0,6.0,1\n"
            + "14/02/2016 1:00,100,20,8.0,1\n";

    HourlySeries s =
        UciCsvReader.read(new StringReader(csv), List.of("Appliances", "lights"), List.of("T_out"));

    assertThat(s.start()).isEqualTo(Instant.parse("2016-02-14T00:00:00Z"));
    assertThat(s.size()).isEqualTo(2);
    assertThat(s.targetAt(0)).isEqualTo(160.0);
    assertThat(s.targetAt(1)).isEqualTo(120.0);
    assertThat(s.covariate("T_out", s.start())).isCloseTo(4.0, within(1e-12));
  }

  @Test
  void shouldSkipBadRowsAndLeaveEmptyHoursMissing() throws Exception {
    String csv =
        HEADER
            + "14/02/2016 0:00,50,10,2.0,1\n"
            + "not a date,50,10,2.0,1\n"
            + "14/02/2016 0:10,NaN,0,4.0,1\n"
            + "14/02/2016 0:20,abc,0,4.0,1\n"
            + "14/02/2016 2:00,10,0,4.0,1\n";

    HourlySeries s =
        UciCsvReader.read(new StringReader(csv), List.of("Appliances", "lights"), List.of());

    assertThat(s.size()).isEqualTo(3);
    assertThat(s.targetAt(0)).isEqualTo(60.0);
    assertThat(s.targetAt(1)).isNaN();
    assertThat(s.targetAt(2)).isEqualTo(10.0);
  }

  @Test
  void shouldNameAMissingColumn() {
    assertThatThrownBy(
            () -> UciCsvReader.read(new StringReader(HEADER), List.of("Appliance"), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("column 'Appliance' not in the CSV header");
  }

  @Test
  void shouldSplitAFileAtADateKeepingTheHeader(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("in.csv");
    Files.writeString(
        in,
        HEADER
            + "15/04/2016 23:50,1,0,1,1\n"
            + "16/04/2016 0:00,2,0,1,1\n"
            + "garbage\n"
            + "16/04/2016 0:10,3,0,1,1\n");

    var result =
        CsvSplitter.split(
            in,
            Instant.parse("2016-04-16T00:00:00Z"),
            dir.resolve("a.csv"),
            dir.resolve("new/dir/b.csv"));

    assertThat(result).isEqualTo(new CsvSplitter.SplitResult(1, 2, 1));
    assertThat(Files.readAllLines(dir.resolve("a.csv")))
        .containsExactly(HEADER.strip(), "15/04/2016 23:50,1,0,1,1");
    assertThat(Files.readAllLines(dir.resolve("new/dir/b.csv")))
        .hasSize(3)
        .first()
        .isEqualTo(HEADER.strip());
  }
}
