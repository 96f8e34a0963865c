package io.voltstream.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionIndexTest {
  private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");

  @Test
  void shouldFindEverySessionOfATokenOnce() {
    SessionIndex index = new SessionIndex();
    index.add("s1", "t1", T0.plusSeconds(60));
    index.add("s2", "t1", T0.plusSeconds(60));
    index.add("s3", "t2", T0.plusSeconds(60));

    assertThat(index.removeToken("t1")).containsExactlyInAnyOrder("s1", "s2");
    assertThat(index.removeToken("t1")).isEmpty();
    assertThat(index.size()).isEqualTo(1);
    assertThat(index.removeExpired(T0.plusSeconds(60))).containsExactly("s3");
  }

  @Test
  void shouldReturnOnlyDueSessionsEarliestFirst() {
    SessionIndex index = new SessionIndex();
    index.add("late", "t1", T0.plusSeconds(30));
    index.add("early", "t2", T0.plusSeconds(10));
    index.add("same-as-early", "t3", T0.plusSeconds(10));

    assertThat(index.nextExpiry()).contains(T0.plusSeconds(10));
    assertThat(index.removeExpired(T0.plusSeconds(9))).isEmpty();
    assertThat(index.removeExpired(T0.plusSeconds(10))).containsExactly("early", "same-as-early");
    assertThat(index.nextExpiry()).contains(T0.plusSeconds(30));
    assertThat(index.removeToken("t2")).isEmpty();
    assertThat(index.removeExpired(T0.plusSeconds(100))).containsExactly("late");
    assertThat(index.nextExpiry()).isEmpty();
  }

  @Test
  void shouldForgetRemovedSessionsEverywhere() {
    SessionIndex index = new SessionIndex();
    index.add("s1", "t1", T0);
    assertThat(index.remove("s1")).isTrue();
    assertThat(index.remove("s1")).isFalse();

    assertThat(index.removeToken("t1")).isEmpty();
    assertThat(index.removeExpired(T0.plusSeconds(1))).isEmpty();
    assertThat(index.size()).isZero();
  }

  @Test
  void shouldReplaceASessionRegisteredAgain() {
    SessionIndex index = new SessionIndex();
    index.add("s1", "old-token", T0);
    index.add("s1", "new-token", T0.plusSeconds(60));

    assertThat(index.removeToken("old-token")).isEmpty();
    assertThat(index.removeExpired(T0.plusSeconds(1))).isEmpty();
    assertThat(index.removeToken("new-token")).containsExactly("s1");
  }
}
