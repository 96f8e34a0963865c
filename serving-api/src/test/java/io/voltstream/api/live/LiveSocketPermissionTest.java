package io.voltstream.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.api.auth.Principal;
import io.voltstream.api.auth.Role;
import io.voltstream.api.registry.RegistryService;
import io.voltstream.api.scope.ResourceScope;
import io.voltstream.api.store.InMemoryReplicatedMap;
import io.voltstream.model.dr.DrInvitation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveSocketPermissionTest {
  static final Instant NOW = Instant.parse("2026-11-30T06:00:00Z");
  final ResourceScope scope = new ResourceScope(new RegistryService(new InMemoryReplicatedMap<>()));
  final LiveMessage hqDr =
      new LiveMessages(s -> java.util.Optional.empty())
          .drInvitation(
              new DrInvitation(
                  "e1", null, "hq", NOW, 30, 1, 0, null, null, null, null, null, NOW, "t"));

  static Principal principal(Role role, String... permissions) {
    return new Principal("t", role, List.of(permissions), "id", NOW, NOW.plusSeconds(3600));
  }

  @Test
  void shouldDeliverDrMessagesToAdminsAndOperatorsOfTheBuildingOnly() {
    assertThat(LiveSocket.permitted(scope, principal(Role.ADMIN)).test(hqDr)).isTrue();
    assertThat(LiveSocket.permitted(scope, principal(Role.OPERATOR)).test(hqDr)).isTrue();
    assertThat(LiveSocket.permitted(scope, principal(Role.VIEWER)).test(hqDr)).isFalse();
    assertThat(LiveSocket.permitted(scope, principal(Role.OPERATOR, "building:hq")).test(hqDr))
        .isTrue();
    assertThat(LiveSocket.permitted(scope, principal(Role.ADMIN, "building:annex")).test(hqDr))
        .isFalse();
    // other streams are unchanged for viewers
    LiveMessage reading = new LiveMessage(LiveStreams.READINGS, "reading:x", "kitchen", "x", "{}");
    assertThat(LiveSocket.permitted(scope, principal(Role.VIEWER)).test(reading)).isTrue();
  }
}
