package io.voltstream.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voltstream.api.store.ChangeListener;
import io.voltstream.api.store.InMemoryReplicatedMap;
import io.voltstream.api.store.ReplicatedMap;
import io.voltstream.api.store.TombstonePolicy;
import io.voltstream.kafka.TopicAdmin;
import io.voltstream.model.Revocation;
import io.voltstream.model.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A revocation lasts as long as the token: a tombstone does not undo it, compaction may not drop
 * it, and listeners (the live socket) hear of it once.
 */
class PermanentRevocationTest {
  private final Clock clock = AuthTestData.fixed(AuthTestData.T0);
  private final ReplicatedMap<Revocation> revocations =
      new InMemoryReplicatedMap<>(TombstonePolicy.IGNORE);
  private final JwtService jwt =
      new JwtService(AuthTestData.SECRET, clock, id -> revocations.get(id).isPresent());
  private final TokenService tokens =
      new TokenService(jwt, new InMemoryReplicatedMap<>(), revocations, clock, Duration.ofHours(1));

  @Test
  void shouldKeepATokenRevokedAfterATombstoneAndCountIt() {
    var minted = tokens.mint("alice", Role.VIEWER, List.of(), Duration.ofHours(1), "admin");
    String id = minted.token().id();
    List<String> heard = new ArrayList<>();
    ChangeListener.Registration registration = tokens.onRevocation(heard::add);

    tokens.revoke(id, null, "admin");
    revocations.remove(id); // what a tombstone on token-revocations does to the view

    assertThat(tokens.isRevoked(id)).isTrue();
    assertThatThrownBy(() -> jwt.authenticate(minted.token().token()))
        .isInstanceOfSatisfying(
            AuthException.class,
            e -> assertThat(e.reason()).isEqualTo(AuthException.Reason.REVOKED));
    assertThat(tokens.ignoredRevocationTombstones()).isEqualTo(1);
    assertThat(heard).containsExactly(id);

    registration.close();
    var other = tokens.mint("bob", Role.VIEWER, List.of(), Duration.ofHours(1), "admin");
    tokens.revoke(other.token().id(), null, "admin");
    assertThat(heard).containsExactly(id);
  }

  @Test
  void shouldNotLetCompactionTouchARevocationBeforeTheLongestTokenExpires() {
    Map<String, String> declared = Topics.TOKEN_REVOCATIONS.configs();
    Map<String, String> created = TopicAdmin.newTopic(Topics.TOKEN_REVOCATIONS).configs();

    assertThat(Long.parseLong(declared.get("min.compaction.lag.ms")))
        .isGreaterThanOrEqualTo(TokenService.MAX_TTL.toMillis());
    // the lag counts from the broker's append time, which no producer can back-date
    assertThat(declared).containsEntry("message.timestamp.type", "LogAppendTime");
    assertThat(created).containsAllEntriesOf(declared).containsEntry("cleanup.policy", "compact");
  }
}
