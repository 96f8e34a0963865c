package io.voltstream.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.metrics.ConsumerLag.Partition;
import io.voltstream.metrics.ConsumerLag.PartitionLag;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsumerLagTest {

  @Test
  void lagIsEndMinusCommittedPerPartitionSorted() {
    var lags =
        ConsumerLag.of(
            "g",
            Map.of(new Partition("readings", 1), 40L, new Partition("readings", 0), 100L),
            Map.of(new Partition("readings", 0), 150L, new Partition("readings", 1), 40L));

    assertThat(lags)
        .containsExactly(
            new PartitionLag("g", "readings", 0, 50), new PartitionLag("g", "readings", 1, 0));
  }

  @Test
  void partitionWithoutEndOffsetIsLeftOutAndCommittedAheadCountsZero() {
    var lags =
        ConsumerLag.of(
            "g",
            Map.of(new Partition("a", 0), 10L, new Partition("b", 0), 9L),
            Map.of(new Partition("b", 0), 7L));

    assertThat(lags).containsExactly(new PartitionLag("g", "b", 0, 0));
  }
}
