package io.voltstream.sim.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.sim.SimTestData;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UciCsvReaderTest {
  static final String FIRST_ROWS = "/uci-first-rows.csv";

  static List<UciRow> read(Reader reader) {
    List<UciRow> rows = new ArrayList<>();
    try (UciCsvReader r = UciCsvReader.open(reader)) {
      r.forEachRemaining(rows::add);
    }
    return rows;
  }

  static Reader firstRows() {
    return new InputStreamReader(
        UciCsvReaderTest.class.getResourceAsStream(FIRST_ROWS), StandardCharsets.UTF_8);
  }

  /**
   * The repository's copy of the data file (data/uci-appliances), found by walking up from the
   * module directory.
   */
  static Path realFile() {
    return SimTestData.uciCsv();
  }

  @Test
  void shouldParseTheFirstRowsOfTheFile() {
    List<UciRow> rows = read(firstRows());
    assertThat(rows).hasSize(6);
    UciRow first = rows.get(0);
    assertThat(first.start()).isEqualTo(LocalDateTime.of(2016, 2, 14, 0, 0));
    assertThat(first.appliancesWh()).isEqualTo(50.0);
    assertThat(first.lightsWh()).isEqualTo(10.0);
    assertThat(first.temperatureC(1)).isEqualTo(21.79);
    assertThat(first.humidityPercent(1)).isEqualTo(39.9);
    assertThat(first.temperatureC(6)).isEqualTo(3.53);
    assertThat(first.humidityPercent(6)).isEqualTo(91.93333333);
    assertThat(first.temperatureC(9)).isEqualTo(18.0);
    assertThat(first.humidityPercent(9)).isEqualTo(41.93333333);
    assertThat(rows.get(1).start()).isEqualTo(LocalDateTime.of(2016, 2, 14, 0, 10));
    assertThat(rows.get(2).temperatureC(2)).isEqualTo(19.89);
  }

  @Test
  void shouldSumAppliancesAndLightsIntoHouseEnergy() {
    List<UciRow> rows = read(firstRows());
    assertThat(rows)
        .extracting(UciRow::houseEnergyWh)
        .containsExactly(60.0, 50.0, 70.0, 40.0, 70.0, 70.0);
  }

  @Test
  void shouldSkipMalformedRowsAndKeepTheRest() {
    String csv =
        "date,Appliances,lights,T1,RH_1,T2,RH_2,T3,RH_3,T4,RH_4,T5,RH_5,T6,RH_6,T7,RH_7,T8,RH_8,T9,RH_9\n"
            + "14/02/2016 0:00,50,10,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18\n"
            + "not a date,50,10,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18\n"
            + "14/02/2016 0:20,NaN,10,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18\n"
            + "14/02/2016 0:30,oops,10,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18\n"
            + "14/02/2016 0:40,60,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18\n";
    try (UciCsvReader r = UciCsvReader.open(new StringReader(csv))) {
      List<UciRow> rows = new ArrayList<>();
      r.forEachRemaining(rows::add);
      assertThat(rows)
          .extracting(UciRow::start)
          .containsExactly(
              LocalDateTime.of(2016, 2, 14, 0, 0), LocalDateTime.of(2016, 2, 14, 0, 40));
      assertThat(rows.get(1).temperatureC(9)).isEqualTo(17.0);
      assertThat(r.skippedRows()).isEqualTo(3);
    }
  }

  @Test
  void shouldReadEveryRowOfTheRealFileTenMinutesApart() throws IOException {
    Path file = realFile();
    assertThat(file).as("data/uci-appliances/ of the repository").isNotNull();
    List<UciRow> rows = read(Files.newBufferedReader(file, StandardCharsets.UTF_8));
    assertThat(rows).hasSize(11_088);
    assertThat(rows.subList(0, 6)).isEqualTo(read(firstRows()));
    assertThat(rows.get(rows.size() - 1).start()).isEqualTo(LocalDateTime.of(2016, 4, 30, 23, 50));
    for (int i = 1; i < rows.size(); i++) {
      assertThat(rows.get(i).start()).isEqualTo(rows.get(i - 1).start().plusMinutes(10));
    }
  }
}
