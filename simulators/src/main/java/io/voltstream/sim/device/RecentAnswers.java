package io.voltstream.sim.device;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The answers a simulated device gave to its latest commands, by command id, so a redelivered
 * command (MQTT QoS 1, the command bridge) gets the same answer and is not applied twice. Bounded:
 * the oldest are forgotten first. Not thread-safe (the device serialises calls).
 */
public final class RecentAnswers<A> {
  private final Map<String, A> answers;

  public RecentAnswers(int capacity) {
    this.answers =
        new LinkedHashMap<>(16, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, A> eldest) {
            return size() > capacity;
          }
        };
  }

  public Optional<A> get(String commandId) {
    return Optional.ofNullable(answers.get(commandId));
  }

  public void put(String commandId, A answer) {
    answers.put(commandId, answer);
  }
}
