package io.voltstream.jobs.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.RequestEntryWrapper;
import org.junit.jupiter.api.Test;

/** What the sink keeps in checkpoints, and how it turns bad elements into countable rejects. */
class InfluxSinkStateTest {

  @Test
  void shouldRestoreBufferedLinesFromACheckpointUnchanged() throws Exception {
    List<String> lines =
        List.of(
            "readings,room=k\\ 1,sensor_id=s1,sensor_type=multi power_w=1.0 1",
            "",
            "événement v=1 2");
    BufferedRequestState<String> state =
        new BufferedRequestState<>(
            lines.stream().map(l -> new RequestEntryWrapper<>(l, l.length() + 1L)).toList());
    LineStateSerializer serializer = new LineStateSerializer();

    BufferedRequestState<String> restored =
        serializer.deserialize(serializer.getVersion(), serializer.serialize(state));

    assertThat(restored.getBufferedRequestEntries())
        .extracting(RequestEntryWrapper::getRequestEntry)
        .containsExactlyElementsOf(lines);
  }

  @Test
  void shouldTurnConverterFailuresNullsAndOversizeLinesIntoEmptyEntries() {
    LineElementConverter<String> converter =
        new LineElementConverter<>(
            s -> {
              if (s.equals("boom")) {
                throw new IllegalStateException("bug");
              }
              return s.equals("null") ? null : s;
            },
            100);

    assertThat(converter.apply("m v=1 1", null)).isEqualTo("m v=1 1");
    assertThat(converter.apply("boom", null)).isEmpty();
    assertThat(converter.apply("null", null)).isEmpty();
    assertThat(converter.apply("m v=\"" + "x".repeat(200) + "\" 1", null)).isEmpty();
  }
}
