package io.voltstream.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AckedIdsTest {

  @Test
  void shouldKeepEveryAcknowledgedIdPerSensorSorted() {
    AckedIds ids = new AckedIds(2);
    for (long ts = 100; ts > 60; ts--) {
      ids.acknowledged(1, ts); // grows past the initial capacity, arrives out of order
    }
    ids.acknowledged(0, 7);
    assertThat(ids.total()).isEqualTo(41);
    assertThat(ids.sortedTimestamps(0)).containsExactly(7);
    assertThat(ids.sortedTimestamps(1)).hasSize(40).startsWith(61, 62).endsWith(100);
  }

  @Test
  void shouldNameTheAcknowledgedIdsMissingFromTheStore() {
    long[] acked = {1, 2, 3, 5, 8, 13};
    long[] stored = {0, 1, 3, 4, 5, 13, 21}; // extras (unacknowledged but stored) hide nothing
    assertThat(AckedIds.missing(acked, stored)).containsExactly(2, 8);
    assertThat(AckedIds.missing(acked, new long[0])).containsExactly(acked);
    assertThat(AckedIds.missing(new long[0], stored)).isEmpty();
  }
}
