package io.voltstream.api.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoomDataMixTest {
  private static final Instant END = Instant.parse("2026-11-30T12:00:00Z");
  private static final Instant START = Instant.parse("2026-11-28T12:00:00Z");

  @Test
  void shouldMakeAColdMixOfManyDistinctRoomsAndRanges() {
    RoomDataMix mix = new RoomDataMix(200, START, END, 0.0, 1);
    Set<String> distinct = new HashSet<>();
    Set<String> rooms = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String p = mix.next();
      distinct.add(p);
      rooms.add(p.substring(0, p.indexOf("/data")));
    }
    assertThat(distinct.size()).isGreaterThan(9_900);
    assertThat(rooms).hasSize(200);
  }

  @Test
  void shouldSendTheHotShareToTenDashboardUrls() {
    RoomDataMix mix = new RoomDataMix(200, START, END, 1.0, 2);
    Set<String> distinct = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      distinct.add(mix.next());
    }
    assertThat(distinct).hasSize(RoomDataMix.HOT_KEYS);
    assertThat(distinct)
        .allMatch(p -> p.contains("start_time=2026-11-29T12:00:00Z&end_time=" + END));
  }

  @Test
  void shouldStayInsideTheWrittenHistory() {
    RoomDataMix mix = new RoomDataMix(5, START, END, 0.3, 3);
    for (int i = 0; i < 5_000; i++) {
      String p = mix.next();
      Instant start = Instant.parse(p.replaceAll(".*start_time=([^&]+)&.*", "$1"));
      Instant end = Instant.parse(p.replaceAll(".*end_time=([^&]+)&.*", "$1"));
      assertThat(start).isAfterOrEqualTo(START);
      assertThat(end).isBeforeOrEqualTo(END).isAfter(start);
    }
  }
}
