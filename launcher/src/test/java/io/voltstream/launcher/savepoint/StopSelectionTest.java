package io.voltstream.launcher.savepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voltstream.launcher.savepoint.StopSelection.ClusterJob;
import io.voltstream.launcher.savepoint.StopSelection.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

class StopSelectionTest {
  private static final List<String> KNOWN = List.of("raw-readings", "room-aggregation", "alerts");
  private static final List<ClusterJob> CLUSTER =
      List.of(
          new ClusterJob("a1", "voltstream-raw-readings", true),
          new ClusterJob("b2", "room-aggregation", true),
          new ClusterJob("c3", "alerts", false),
          new ClusterJob("d4", "someone-elses-job", true));

  @Test
  void shouldStopEveryRunningVoltstreamJobAndNothingElse() {
    assertThat(StopSelection.select(CLUSTER, List.of(), KNOWN, true))
        .containsExactly(new Target("a1", "raw-readings"), new Target("b2", "room-aggregation"));
  }

  @Test
  void shouldStopOnlyTheNamedJobs() {
    assertThat(StopSelection.select(CLUSTER, List.of("room-aggregation"), KNOWN, true))
        .containsExactly(new Target("b2", "room-aggregation"));
  }

  @Test
  void shouldRefuseUnknownOrNotRunningJobs() {
    assertThatThrownBy(() -> StopSelection.select(CLUSTER, List.of("bogus"), KNOWN, false))
        .hasMessageContaining("--job bogus is not one of");
    assertThatThrownBy(() -> StopSelection.select(CLUSTER, List.of("alerts"), KNOWN, false))
        .hasMessageContaining("not running on the cluster: [alerts]");
  }

  @Test
  void shouldRefuseToSavepointAJobNameRunningTwiceButCancelBoth() {
    List<ClusterJob> twice =
        List.of(
            new ClusterJob("b2", "room-aggregation", true),
            new ClusterJob("e5", "room-aggregation", true));

    assertThatThrownBy(() -> StopSelection.select(twice, List.of(), KNOWN, true))
        .hasMessageContaining("running more than once: [room-aggregation]");
    assertThat(StopSelection.select(twice, List.of(), KNOWN, false)).hasSize(2);
  }
}
