package io.voltstream.jobs.roommetrics.logic;

import static io.voltstream.jobs.roommetrics.RoomTestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.jobs.roommetrics.logic.RegistryEntry.Action;
import io.voltstream.model.Json;
import io.voltstream.model.RegistryKey;
import io.voltstream.model.Sensor;
import io.voltstream.model.SensorType;
import io.voltstream.model.VersionHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryVersionsTest {

  private static final RegistryKey M1 = RegistryKey.sensor("m1");

  @Test
  void shouldReadAValueWithoutEffectiveFromAsHoldingSinceTheBeginningOfTime() {
    RegistryVersions.Change c =
        RegistryVersions.fromChange(M1, "{\"sensor_id\":\"m1\",\"room\":\"kitchen\"}");

    assertThat(c.action()).isEqualTo(Action.PUT);
    assertThat(c.versions())
        .containsExactly(new RegistryVersion(RegistryVersion.BEGINNING_OF_TIME, "kitchen"));
    assertThat(RegistryVersions.inForceAt(c.versions(), Instant.EPOCH)).isEqualTo("kitchen");
  }

  @Test
  void shouldPickTheVersionInForceAtAnInstant() {
    List<RegistryVersion> v =
        RegistryVersions.fromChange(M1, json(movedEveryHour(3, T0))).versions();

    assertThat(RegistryVersions.inForceAt(v, T0.minusMillis(1))).isEqualTo("r0");
    assertThat(RegistryVersions.inForceAt(v, T0)).isEqualTo("r1");
    assertThat(RegistryVersions.inForceAt(v, T0.plusSeconds(3599))).isEqualTo("r1");
    assertThat(RegistryVersions.inForceAt(v, T0.plusSeconds(3600))).isEqualTo("r2");
    assertThat(RegistryVersions.inForceAt(v, T0.plusSeconds(99999))).isEqualTo("r3");
    assertThat(RegistryVersions.inForceAt(null, T0)).isNull();
  }

  @Test
  void shouldGiveTheLatestRecordAloneTheSameViewAsEveryRecordInTurn() {
    // Compaction keeps only the latest value per key: the view must not need the others.
    Map<String, List<RegistryVersion>> everyRecord = new HashMap<>();
    Sensor s = new Sensor("m1", "r0", SensorType.ENERGY, null, null);
    for (int i = 1; i <= 5; i++) {
      s = new Sensor("m1", "r" + i, SensorType.ENERGY, null, null).succeeding(s, at(i));
      RegistryVersions.Change c = RegistryVersions.fromChange(M1, json(s));
      everyRecord.put(c.viewKey(), c.versions());
    }
    RegistryVersions.Change latestOnly = RegistryVersions.fromChange(M1, json(s));

    assertThat(latestOnly.versions()).isEqualTo(everyRecord.get("sensor:m1"));
    for (int minute = -10; minute < 400; minute += 7) {
      Instant t = T0.plus(Duration.ofMinutes(minute));
      assertThat(RegistryVersions.inForceAt(latestOnly.versions(), t))
          .isEqualTo(minute < 0 ? "r0" : "r" + Math.min(5, 1 + minute / 60));
    }
  }

  @Test
  void shouldKeepAnIntervalWithoutRoomAsNoRegistryRoom() {
    String json =
        "{\"sensor_id\":\"m1\",\"room\":\"hall\",\"effective_from\":\"2026-01-05T11:00:00Z\","
            + "\"room_history\":[{\"room\":\"kitchen\"},"
            + "{\"effective_from\":\"2026-01-05T10:00:00Z\"}]}";

    List<RegistryVersion> v = RegistryVersions.fromChange(M1, json).versions();

    assertThat(RegistryVersions.inForceAt(v, T0.minusSeconds(1))).isEqualTo("kitchen");
    assertThat(RegistryVersions.inForceAt(v, T0.plusSeconds(1))).isNull();
    assertThat(RegistryVersions.inForceAt(v, T0.plusSeconds(3600))).isEqualTo("hall");
  }

  @Test
  void shouldDeleteTheKeyForATombstoneOrAValueThatNeverHadARoom() {
    assertThat(RegistryVersions.fromChange(M1, null).action()).isEqualTo(Action.DELETE);
    assertThat(RegistryVersions.fromChange(M1, "{\"sensor_id\":\"m1\"}").action())
        .isEqualTo(Action.DELETE);
  }

  @Test
  void shouldReportMalformedValuesAndIgnoreBuildings() {
    assertThat(RegistryVersions.fromChange(M1, "{oops").action()).isEqualTo(Action.MALFORMED);
    assertThat(RegistryVersions.fromChange(RegistryKey.building("hq"), "{}").action())
        .isEqualTo(Action.IGNORE);
  }

  @Test
  void shouldBoundTheVersionsOfAKey() {
    StringBuilder history = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      history.append(i == 0 ? "" : ",");
      history.append("{\"room\":\"r").append(i).append("\",\"effective_from\":\"");
      history.append(at(i)).append("\"}");
    }
    String json =
        "{\"sensor_id\":\"m1\",\"room\":\"now\",\"effective_from\":\""
            + at(100)
            + "\",\"room_history\":["
            + history
            + "]}";

    List<RegistryVersion> v = RegistryVersions.fromChange(M1, json).versions();

    assertThat(v).hasSize(VersionHistory.MAX_VERSIONS + 1);
    assertThat(v.get(v.size() - 1).value()).isEqualTo("now");
    assertThat(v.get(0).value()).isEqualTo("r" + (100 - VersionHistory.MAX_VERSIONS));
  }

  @Test
  void shouldReadARoomsBuildingHistory() {
    String json =
        "{\"name\":\"hall\",\"building\":\"annex\",\"effective_from\":\"2026-01-05T10:00:00Z\","
            + "\"building_history\":[{\"building\":\"hq\"}]}";

    List<RegistryVersion> v =
        RegistryVersions.fromChange(RegistryKey.room("hall"), json).versions();

    assertThat(v)
        .containsExactly(
            new RegistryVersion(RegistryVersion.BEGINNING_OF_TIME, "hq"),
            new RegistryVersion(T0, "annex"));
  }

  private static Instant at(int hour) {
    return T0.plus(Duration.ofHours(hour - 1));
  }

  /** m1 in r0 since forever, then r1 … r{moves}, one hour apart from {@code first}. */
  private static Sensor movedEveryHour(int moves, Instant first) {
    Sensor s = new Sensor("m1", "r0", SensorType.ENERGY, null, null);
    List<Sensor> all = new ArrayList<>();
    for (int i = 1; i <= moves; i++) {
      s =
          new Sensor("m1", "r" + i, SensorType.ENERGY, null, null)
              .succeeding(s, first.plus(Duration.ofHours(i - 1)));
      all.add(s);
    }
    return all.get(all.size() - 1);
  }

  private static String json(Object o) {
    try {
      return Json.MAPPER.writeValueAsString(o);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
