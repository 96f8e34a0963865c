package io.voltstream.launcher.savepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavepointRestoresTest {
  private static final List<String> KNOWN = List.of("raw-readings", "room-aggregation", "alerts");

  @TempDir Path dir;

  @Test
  void shouldStartFreshWithoutFromSavepoint() {
    assertThat(SavepointRestores.resolve(List.of(), KNOWN, KNOWN)).isEmpty();
  }

  @Test
  void shouldRestoreEveryJobFromItsNewestSavepointInTheStopDirectory() throws IOException {
    Path rawOld = savepoint("raw-readings", "savepoint-aaaaaa-1", "2026-11-30T10:00:00Z");
    Path rawNew = savepoint("raw-readings", "savepoint-bbbbbb-2", "2026-11-30T11:00:00Z");
    Path room = savepoint("room-aggregation", "savepoint-cccccc-3", "2026-11-30T10:30:00Z");

    Map<String, String> restores =
        SavepointRestores.resolve(
            List.of(dir.toString()), List.of("raw-readings", "room-aggregation"), KNOWN);

    assertThat(restores)
        .containsExactly(
            Map.entry("raw-readings", rawNew.toString()),
            Map.entry("room-aggregation", room.toString()));
    assertThat(restores).doesNotContainValue(rawOld.toString());
  }

  @Test
  void shouldIgnoreASavepointDirectoryWithoutMetadata() throws IOException {
    savepoint("alerts", "savepoint-aaaaaa-1", "2026-11-30T10:00:00Z");
    Files.createDirectories(dir.resolve("alerts/savepoint-bbbbbb-2")); // still being written

    assertThat(SavepointRestores.resolve(List.of(dir.toString()), List.of("alerts"), KNOWN))
        .containsEntry("alerts", dir.resolve("alerts/savepoint-aaaaaa-1").toString());
  }

  @Test
  void shouldRefuseADirectoryWithoutASavepointForASubmittedJob() throws IOException {
    savepoint("raw-readings", "savepoint-aaaaaa-1", "2026-11-30T10:00:00Z");

    assertThatThrownBy(
            () ->
                SavepointRestores.resolve(
                    List.of(dir.toString()), List.of("raw-readings", "alerts"), KNOWN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no savepoint for [alerts]");
  }

  @Test
  void shouldTakeNamedSavepointsPerJobAndLetThemOverrideTheDirectory() throws IOException {
    savepoint("raw-readings", "savepoint-aaaaaa-1", "2026-11-30T10:00:00Z");

    Map<String, String> restores =
        SavepointRestores.resolve(
            List.of(dir.toString(), "alerts=s3://bucket/sp-1", "raw-readings=/elsewhere/sp-2"),
            List.of("raw-readings", "alerts"),
            KNOWN);

    assertThat(restores)
        .containsOnly(
            Map.entry("raw-readings", "/elsewhere/sp-2"), Map.entry("alerts", "s3://bucket/sp-1"));
  }

  @Test
  void shouldRefuseOneSavepointForSeveralJobs() throws IOException {
    Path one = savepoint("room-aggregation", "savepoint-cccccc-3", "2026-11-30T10:30:00Z");

    assertThatThrownBy(
            () ->
                SavepointRestores.resolve(
                    List.of(one.toString()), List.of("raw-readings", "room-aggregation"), KNOWN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("single savepoint but 2 jobs");
  }

  @Test
  void shouldRestoreTheOnlySubmittedJobFromOneSavepointOrRemoteUri() throws IOException {
    Path one = savepoint("room-aggregation", "savepoint-cccccc-3", "2026-11-30T10:30:00Z");

    assertThat(
            SavepointRestores.resolve(List.of(one.toString()), List.of("room-aggregation"), KNOWN))
        .containsExactly(Map.entry("room-aggregation", one.toString()));
    assertThat(
            SavepointRestores.resolve(
                List.of("hdfs://nn/savepoints/sp-9"), List.of("alerts"), KNOWN))
        .containsExactly(Map.entry("alerts", "hdfs://nn/savepoints/sp-9"));
  }

  @Test
  void shouldRefuseAmbiguousOrWrongValues() {
    assertThatThrownBy(
            () -> SavepointRestores.resolve(List.of("/a", "/b"), List.of("alerts"), KNOWN))
        .hasMessageContaining("one directory or savepoint");
    assertThatThrownBy(
            () ->
                SavepointRestores.resolve(
                    List.of("alerts=/a", "alerts=/b"), List.of("alerts"), KNOWN))
        .hasMessageContaining("names job alerts twice");
    assertThatThrownBy(
            () -> SavepointRestores.resolve(List.of("alerts=/a"), List.of("raw-readings"), KNOWN))
        .hasMessageContaining("job alerts is not submitted");
    assertThatThrownBy(
            () -> SavepointRestores.resolve(List.of("alerts="), List.of("alerts"), KNOWN))
        .hasMessageContaining("no path after '='");
    assertThatThrownBy(
            () ->
                SavepointRestores.resolve(
                    List.of(dir.resolve("absent").toString()),
                    List.of("alerts", "raw-readings"),
                    KNOWN))
        .hasMessageContaining("no such savepoint or directory");
  }

  @Test
  void shouldPutEachJobsSavepointInItsOwnDirectoryAsAbsoluteFileUri() {
    assertThat(SavepointLayout.targetUri(Path.of("sp"), "room-aggregation"))
        .startsWith("file:/")
        .matches("file:/.*/sp/room-aggregation/?");
  }

  private Path savepoint(String job, String name, String written) throws IOException {
    Path sp = Files.createDirectories(dir.resolve(job).resolve(name));
    Path metadata = Files.writeString(sp.resolve(SavepointLayout.METADATA), "x");
    Files.setLastModifiedTime(metadata, FileTime.from(Instant.parse(written)));
    return sp;
  }
}
