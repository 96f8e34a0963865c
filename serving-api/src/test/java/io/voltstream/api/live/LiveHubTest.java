package io.voltstream.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.api.TestClock;
import io.voltstream.model.RoomMetrics;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LiveHubTest {

  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
  private static final Instant LATER = T0.plusSeconds(3600);
  private final LiveMessages messages = new LiveMessages(id -> Optional.empty());

  private LiveMessage reading(String sensor, String room, double powerW) {
    return messages.reading(
        new SensorReading(
            sensor, T0, room, SensorType.POWER, null, powerW, null, null, null, null, null, T0));
  }

  private LiveHub hubWithQueue(int keys) {
    return new LiveHub(keys, CLOCK, Runnable::run);
  }

  @Test
  void shouldPushOnlyWhatASessionSubscribedTo() {
    LiveHub hub = hubWithQueue(100);
    FakeSink kitchen = new FakeSink();
    FakeSink all = new FakeSink();
    hub.open("a", "alice", "token-a", LATER, kitchen, m -> true);
    hub.open("b", "bob", "token-b", LATER, all, m -> true);
    hub.handle(
        "a", "{\"action\":\"subscribe\",\"rooms\":[\"kitchen\"],\"streams\":[\"readings\"]}");
    hub.handle("b", "{\"action\":\"subscribe\"}");

    hub.broadcast(reading("k1", "kitchen", 100));
    hub.broadcast(reading("o1", "office", 200));
    hub.broadcast(
        messages.roomMetrics(
            new RoomMetrics(
                "kitchen",
                "demo",
                T0,
                T0.plusSeconds(60),
                0.1,
                100.0,
                120.0,
                null,
                null,
                null,
                null,
                3)));

    assertThat(kitchen.texts())
        .filteredOn(t -> t.contains("\"type\":\"reading\""))
        .singleElement()
        .asString()
        .contains("\"sensor_id\":\"k1\"")
        .contains("\"power_w\":100.0");
    assertThat(kitchen.texts())
        .noneMatch(t -> t.contains("room_metrics\",") || t.contains("\"o1\""));
    assertThat(all.texts()).filteredOn(t -> t.startsWith("{\"type\":\"reading\"")).hasSize(2);
    assertThat(all.texts()).anyMatch(t -> t.startsWith("{\"type\":\"room_metrics\""));
  }

  @Test
  void shouldStopPushingAfterUnsubscribe() {
    LiveHub hub = hubWithQueue(100);
    FakeSink sink = new FakeSink();
    hub.open("a", "alice", "token-a", LATER, sink, m -> true);
    hub.handle("a", "{\"action\":\"subscribe\",\"sensors\":[\"k1\"]}");
    hub.handle("a", "{\"action\":\"unsubscribe\",\"sensors\":[\"k1\"]}");
    hub.broadcast(reading("k1", "kitchen", 100));

    assertThat(sink.texts()).noneMatch(t -> t.contains("\"type\":\"reading\""));
    assertThat(hub.subscriptionCount()).isZero();
  }

  @Test
  void shouldKeepOnlyTheNewestValuePerSensorForASlowClientWithoutDelayingOthers() {
    LiveHub hub = hubWithQueue(100);
    FakeSink slow = new FakeSink();
    FakeSink fast = new FakeSink();
    hub.open("slow", "s", "token-slow", LATER, slow, m -> true);
    hub.open("fast", "f", "token-fast", LATER, fast, m -> true);
    hub.handle("slow", "{\"action\":\"subscribe\"}");
    hub.handle("fast", "{\"action\":\"subscribe\"}");
    slow.stalled = true;

    for (int i = 1; i <= 50; i++) {
      hub.broadcast(reading("k1", "kitchen", i));
    }

    assertThat(fast.texts()).filteredOn(t -> t.contains("\"type\":\"reading\"")).hasSize(50);
    LiveSession s =
        hub.sessions().stream().filter(x -> x.id().equals("slow")).findFirst().orElseThrow();
    assertThat(s.pendingCount()).isEqualTo(1);
    slow.stalled = false;
    slow.completeOne();
    assertThat(slow.texts()).last().asString().contains("\"power_w\":50.0");
    assertThat(slow.texts()).filteredOn(t -> t.contains("\"type\":\"reading\"")).hasSizeLessThan(3);
  }

  @Test
  void shouldShedNewKeysWhenTheQueueIsFullAndTellTheClient() {
    LiveHub hub = hubWithQueue(5);
    FakeSink slow = new FakeSink();
    hub.open("slow", "s", "token-slow", LATER, slow, m -> true);
    hub.handle("slow", "{\"action\":\"subscribe\"}");
    slow.stalled = true;
    for (int i = 0; i < 20; i++) {
      hub.broadcast(reading("sensor-" + i, "kitchen", i));
    }
    LiveSession s = hub.sessions().iterator().next();
    assertThat(s.shedTotal()).isGreaterThan(0);

    slow.stalled = false;
    slow.completeOne();
    assertThat(slow.texts())
        .anyMatch(t -> t.contains("\"type\":\"error\"") && t.contains("\"code\":\"overloaded\""));
    assertThat(s.pendingCount()).isZero();
  }

  @Test
  void hubCountsShedPushesBeyondTheLifeOfTheSession() {
    LiveHub hub = hubWithQueue(5);
    FakeSink slow = new FakeSink();
    hub.open("slow", "s", "token-slow", LATER, slow, m -> true);
    hub.handle("slow", "{\"action\":\"subscribe\"}");
    slow.stalled = true;
    for (int i = 0; i < 20; i++) {
      hub.broadcast(reading("sensor-" + i, "kitchen", i));
    }
    long shed = hub.sessions().iterator().next().shedTotal();

    hub.close("slow");

    assertThat(shed).isPositive();
    assertThat(hub.shedTotal()).isEqualTo(shed);
  }

  @Test
  void shouldAnswerInvalidMessagesWithAnErrorAndKeepTheSession() {
    LiveHub hub = hubWithQueue(100);
    FakeSink sink = new FakeSink();
    hub.open("a", "alice", "token-a", LATER, sink, m -> true);
    hub.handle("a", "not json");
    hub.handle("a", "{\"action\":\"subscribe\",\"rooms\":[\"kitchen' OR 1=1\"]}");
    hub.handle("a", "{\"action\":\"explode\"}");
    hub.handle("a", "{\"action\":\"subscribe\",\"streams\":[\"batteries\",\"no_such_stream\"]}");

    assertThat(sink.texts()).filteredOn(t -> t.contains("\"type\":\"error\"")).hasSize(4);
    assertThat(sink.texts())
        .filteredOn(t -> t.contains("unknown stream 'no_such_stream'"))
        .singleElement()
        .asString()
        .contains("\"code\":\"unknown_stream\"");
    assertThat(sink.texts()).filteredOn(t -> t.contains("\"code\":\"bad_request\"")).hasSize(3);
    assertThat(hub.sessionCount()).isEqualTo(1);
    assertThat(hub.subscriptionCount()).isZero();
  }

  @Test
  void shouldApplyTheTokensResourcePermissions() {
    LiveHub hub = hubWithQueue(100);
    FakeSink sink = new FakeSink();
    hub.open("a", "alice", "token-a", LATER, sink, m -> "kitchen".equals(m.room()));
    hub.handle("a", "{\"action\":\"subscribe\"}");
    hub.broadcast(reading("k1", "kitchen", 1));
    hub.broadcast(reading("o1", "office", 1));
    assertThat(sink.texts())
        .filteredOn(t -> t.contains("\"type\":\"reading\""))
        .singleElement()
        .asString()
        .contains("k1");
  }

  @Test
  void shouldForgetClosedSessionsAndCloseExpiredOnes() {
    LiveHub hub = hubWithQueue(100);
    FakeSink expired = new FakeSink();
    hub.open("a", "alice", "token-a", LATER, new FakeSink(), m -> true);
    hub.open("b", "bob", "token-b", T0, expired, m -> true);
    hub.handle("a", "{\"action\":\"subscribe\"}");

    assertThat(hub.closeExpired()).isEqualTo(1);
    assertThat(expired.closedWith).isEqualTo(LiveHub.POLICY_VIOLATION);
    hub.close("a");
    hub.close("a");
    assertThat(hub.sessionCount()).isZero();
    assertThat(hub.subscriptionCount()).isZero();
  }

  @Test
  void shouldCloseEverySessionOfARevokedTokenAndNoOther() {
    LiveHub hub = hubWithQueue(100);
    FakeSink first = new FakeSink();
    FakeSink second = new FakeSink();
    FakeSink other = new FakeSink();
    hub.open("s1", "alice", "revoked-token", LATER, first, m -> true);
    hub.open("s2", "alice", "revoked-token", LATER, second, m -> true);
    hub.open("s3", "bob", "kept-token", LATER, other, m -> true);

    assertThat(hub.closeToken("revoked-token", "token has been revoked")).isEqualTo(2);

    assertThat(first.closedWith).isEqualTo(LiveHub.POLICY_VIOLATION);
    assertThat(second.closedWith).isEqualTo(LiveHub.POLICY_VIOLATION);
    assertThat(first.closedBecause).isEqualTo("token has been revoked");
    assertThat(other.closedWith).isNull();
    assertThat(hub.sessions()).extracting(LiveSession::id).containsExactly("s3");
    assertThat(hub.closeToken("revoked-token", "again")).isZero();
  }

  @Test
  void shouldCloseASessionExactlyWhenItsTokenExpires() {
    TestClock clock = new TestClock(T0);
    LiveHub hub = new LiveHub(100, clock, Runnable::run);
    FakeSink soon = new FakeSink();
    FakeSink later = new FakeSink();
    hub.open("soon", "alice", "t1", T0.plusSeconds(2), soon, m -> true);
    hub.open("later", "bob", "t2", T0.plusSeconds(60), later, m -> true);

    clock.set(T0.plusMillis(1999));
    assertThat(hub.closeExpired()).isZero();
    clock.set(T0.plusSeconds(2));
    assertThat(hub.closeExpired()).isEqualTo(1);

    assertThat(soon.closedWith).isEqualTo(LiveHub.POLICY_VIOLATION);
    assertThat(soon.closedBecause).isEqualTo("token has expired");
    assertThat(later.closedWith).isNull();
    assertThat(hub.sessionCount()).isEqualTo(1);
  }

  @Test
  void shouldNotCloseASessionThatDisconnectedBeforeItsTokenWasRevokedOrExpired() {
    TestClock clock = new TestClock(T0);
    LiveHub hub = new LiveHub(100, clock, Runnable::run);
    FakeSink gone = new FakeSink();
    hub.open("gone", "alice", "t1", T0.plusSeconds(1), gone, m -> true);
    hub.close("gone");

    clock.set(T0.plusSeconds(5));
    assertThat(hub.closeExpired()).isZero();
    assertThat(hub.closeToken("t1", "revoked")).isZero();
    assertThat(gone.closedWith).isNull();
  }

  @Test
  void shouldUseTheRegistryRoomOfASensorOverThePayloadRoom() {
    LiveMessages withRegistry =
        new LiveMessages(id -> id.equals("k1") ? Optional.of("kitchen") : Optional.empty());
    LiveMessage m =
        withRegistry.reading(
            new SensorReading(
                "k1", T0, "garage", SensorType.POWER, null, 5.0, null, null, null, null, null, T0));
    assertThat(m.room()).isEqualTo("kitchen");
    assertThat(m.json()).contains("\"room\":\"kitchen\"");
  }

  @Test
  void shouldIgnoreUnreadableKafkaValues() {
    assertThat(messages.fromKafka("readings", "{oops".getBytes())).isEmpty();
    assertThat(messages.fromKafka("readings", "{\"sensor_id\":\"x\"}".getBytes())).isEmpty();
    assertThat(messages.fromKafka("elsewhere", "{}".getBytes())).isEmpty();
  }
}
