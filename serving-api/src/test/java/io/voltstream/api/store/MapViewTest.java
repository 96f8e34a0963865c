package io.voltstream.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MapViewTest {

  @Test
  void shouldDeleteOnATombstoneByDefault() {
    MapView<String> view = new MapView<>("test", TombstonePolicy.DELETE);
    List<String> changes = new ArrayList<>();
    view.listen((k, v) -> changes.add(k + "=" + v));
    view.apply("a", "1");
    view.apply("a", null);

    assertThat(view.get("a")).isEmpty();
    assertThat(changes).containsExactly("a=1", "a=null");
    assertThat(view.ignoredTombstones()).isZero();
  }

  @Test
  void shouldKeepPermanentEntriesAndCountIgnoredTombstones() {
    MapView<String> view = new MapView<>("revocations", TombstonePolicy.IGNORE);
    List<String> changes = new ArrayList<>();
    view.listen((k, v) -> changes.add(k + "=" + v));
    view.apply("token-1", "revoked");
    view.apply("token-1", null);
    view.apply("never-there", null);

    assertThat(view.get("token-1")).contains("revoked");
    assertThat(view.snapshot()).containsOnlyKeys("token-1");
    assertThat(changes).containsExactly("token-1=revoked");
    assertThat(view.ignoredTombstones()).isEqualTo(2);
  }

  @Test
  void shouldStopTellingAListenerOnceItsRegistrationIsClosed() {
    MapView<String> view = new MapView<>("test", TombstonePolicy.DELETE);
    List<String> changes = new ArrayList<>();
    ChangeListener.Registration r = view.listen((k, v) -> changes.add(k));
    view.apply("a", "1");
    r.close();
    view.apply("b", "2");

    assertThat(changes).containsExactly("a");
    assertThat(view.get("b")).contains("2");
  }

  @Test
  void shouldApplyChangesEvenWhenAListenerFails() {
    MapView<String> view = new MapView<>("test", TombstonePolicy.DELETE);
    List<String> changes = new ArrayList<>();
    view.listen(
        (k, v) -> {
          throw new IllegalStateException("boom");
        });
    view.listen((k, v) -> changes.add(k));
    view.apply("a", "1");

    assertThat(view.get("a")).contains("1");
    assertThat(changes).containsExactly("a");
  }
}
