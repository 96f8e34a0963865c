package io.voltstream.jobs.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.jobs.io.RegistryChange;
import io.voltstream.jobs.rules.logic.RuleDecision;
import io.voltstream.jobs.rules.logic.RuleEvaluation;
import io.voltstream.jobs.rules.logic.RuleSample;
import io.voltstream.jobs.rules.logic.RuleState;
import io.voltstream.jobs.rules.logic.TrailingWindow;
import io.voltstream.model.Json;
import io.voltstream.model.RegistryKey;
import io.voltstream.model.rules.AutomationRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Evaluates the automation rules, keyed by the subject a rule watches ({@code room:<name>} or
 * {@code sensor:<id>}, see {@link RuleSample}). The rules arrive as broadcast state from the
 * registry ({@code rule:<id>} → its JSON; plus {@code device:<id>}/{@code battery:<id>} → building
 * for the commands), so a rule created, edited, disabled or deleted takes effect without a restart.
 *
 * <p>Per subject it keeps the samples of its trailing windows and, per rule, the {@link RuleState}.
 * Each sample sets an event-time timer at its own timestamp; when the watermark passes it every
 * enabled rule of the subject is stepped ({@link RuleEvaluation}) over the window ending there, so
 * out-of-order readings (within the watermark's bound) are in place before the window is judged and
 * a replay gives the same firings. A transition deferred by the cooldown sets a timer at the
 * cooldown's end where the window is judged again.
 *
 * <p>State stays bounded: samples older than the longest window of the subject's rules are pruned
 * at every evaluation and a last timer one window after the newest sample empties the list; a
 * subject no rule watches stores nothing; a rule's state is removed once it is untriggered with its
 * cooldown over, and in every key ({@code applyToKeyedState}) when the rule is deleted, disabled or
 * re-aimed at another subject, metric or direction.
 */
public class RuleFunction
    extends KeyedBroadcastProcessFunction<String, RuleSample, RegistryChange, RuleDecision> {

  /** Registry key → rule JSON ({@code rule:<id>}) or a target's building. */
  public static final MapStateDescriptor<String, String> RULES =
      new MapStateDescriptor<>("rules-registry", Types.STRING, Types.STRING);

  static final ListStateDescriptor<RuleSample> SAMPLES =
      new ListStateDescriptor<>("rule-samples", TypeInformation.of(RuleSample.class));
  static final MapStateDescriptor<String, RuleState> STATES =
      new MapStateDescriptor<>("rule-states", Types.STRING, TypeInformation.of(RuleState.class));

  private final Duration commandValidity;
  private transient ListState<RuleSample> samples;
  private transient MapState<String, RuleState> states;
  private transient Map<String, Parsed> parsed;
  private transient Counter firings;
  private transient Counter lateSamples;
  private transient Counter malformedRegistryRecords;

  public RuleFunction(Duration commandValidity) {
    this.commandValidity = commandValidity;
  }

  /** A rule parsed from its JSON, cached while the JSON stays the same. */
  private record Parsed(String json, AutomationRule rule) {}

  @Override
  public void open(OpenContext openContext) {
    samples = getRuntimeContext().getListState(SAMPLES);
    states = getRuntimeContext().getMapState(STATES);
    parsed = new HashMap<>();
    var metrics = getRuntimeContext().getMetricGroup();
    firings = metrics.counter("ruleFirings");
    lateSamples = metrics.counter("lateRuleSamples");
    malformedRegistryRecords = metrics.counter("malformedRegistryRecords");
  }

  @Override
  public void processElement(RuleSample sample, ReadOnlyContext ctx, Collector<RuleDecision> out)
      throws Exception {
    if (rulesOf(ctx.getCurrentKey(), ctx.getBroadcastState(RULES)).isEmpty()) {
      return; // nobody watches this subject: nothing to keep
    }
    samples.add(sample);
    long at = sample.at().toEpochMilli();
    if (at <= ctx.timerService().currentWatermark()) {
      // Its own instant was judged already; it still counts in later windows.
      lateSamples.inc();
      return;
    }
    ctx.timerService().registerEventTimeTimer(at);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<RuleDecision> out)
      throws Exception {
    ReadOnlyBroadcastState<String, String> view = ctx.getBroadcastState(RULES);
    List<AutomationRule> rules = rulesOf(ctx.getCurrentKey(), view);
    if (rules.isEmpty()) {
      samples.clear();
      return;
    }
    Instant at = Instant.ofEpochMilli(timestamp);
    List<RuleSample> kept = new ArrayList<>();
    samples.get().forEach(kept::add);
    for (AutomationRule rule : rules) {
      OptionalDouble value =
          TrailingWindow.aggregate(
              kept,
              rule.condition().metric(),
              rule.condition().aggregate(),
              at,
              rule.condition().window());
      RuleEvaluation.Step step = RuleEvaluation.evaluate(rule, states.get(rule.id()), value, at);
      if (step.transition() != RuleEvaluation.Transition.NONE) {
        firings.inc();
        out.collect(
            RuleDecision.of(
                rule,
                step.transition(),
                step.value(),
                at,
                roomOf(rule, kept),
                commandValidity,
                key -> lookup(view, key)));
      }
      if (step.recheckAt() != null) {
        ctx.timerService().registerEventTimeTimer(step.recheckAt().toEpochMilli());
      }
      RuleState next = step.next();
      if (next.forgettableAt(at, rule.cooldown())) {
        states.remove(rule.id());
      } else {
        states.put(rule.id(), next);
        if (!next.triggered()) {
          // an untriggered state only remembers its cooldown: forget it when that ends
          ctx.timerService()
              .registerEventTimeTimer(next.lastFiredAt().plus(rule.cooldown()).toEpochMilli());
        }
      }
    }
    prune(kept, at, longestWindow(rules), ctx);
  }

  private void prune(List<RuleSample> all, Instant at, Duration window, OnTimerContext ctx)
      throws Exception {
    List<RuleSample> kept = new ArrayList<>();
    Instant newest = null;
    for (RuleSample s : all) {
      if (TrailingWindow.retained(s, at, window)) {
        kept.add(s);
        newest = newest == null || s.at().isAfter(newest) ? s.at() : newest;
      }
    }
    if (kept.isEmpty()) {
      samples.clear();
      return;
    }
    samples.update(kept);
    if (!newest.isAfter(at)) {
      // No newer sample has a timer of its own: one more evaluation when the newest leaves the
      // window empties the list even if the subject never reports again.
      ctx.timerService().registerEventTimeTimer(newest.plus(window).toEpochMilli());
    }
  }

  @Override
  public void processBroadcastElement(
      RegistryChange change, Context ctx, Collector<RuleDecision> out) throws Exception {
    RegistryKey key = change.key();
    if (key == null) {
      return;
    }
    var view = ctx.getBroadcastState(RULES);
    String encoded = key.encode();
    switch (key.kind()) {
      case RULE -> {
        AutomationRule before = parse(encoded, view.get(encoded)).orElse(null);
        AutomationRule after = null;
        if (change.isTombstone()) {
          view.remove(encoded);
          parsed.remove(encoded);
        } else {
          after = parse(encoded, change.json()).orElse(null);
          if (after == null) {
            malformedRegistryRecords.inc();
            return; // the previous version stays in force
          }
          view.put(encoded, change.json());
        }
        if (!RuleEvaluation.keepsState(before, after)) {
          String id = key.id();
          ctx.applyToKeyedState(STATES, (subject, state) -> state.remove(id));
        }
      }
      case DEVICE, BATTERY -> {
        if (change.isTombstone()) {
          view.remove(encoded);
        } else {
          Optional<String> building = building(change.json());
          if (building.isEmpty()) {
            malformedRegistryRecords.inc();
            return;
          }
          view.put(encoded, building.get());
        }
      }
      default -> {}
    }
  }

  /** The enabled rules watching {@code subject}. */
  private List<AutomationRule> rulesOf(String subject, ReadOnlyBroadcastState<String, String> view)
      throws Exception {
    List<AutomationRule> out = new ArrayList<>();
    for (Map.Entry<String, String> e : view.immutableEntries()) {
      if (!e.getKey().startsWith("rule:")) {
        continue;
      }
      parse(e.getKey(), e.getValue())
          .filter(AutomationRule::enabled)
          .filter(r -> RuleSample.subjectOf(r.condition()).equals(subject))
          .ifPresent(out::add);
    }
    return out;
  }

  private Optional<AutomationRule> parse(String key, String json) {
    if (json == null) {
      return Optional.empty();
    }
    Parsed cached = parsed.get(key);
    if (cached != null && cached.json().equals(json)) {
      return Optional.of(cached.rule());
    }
    try {
      AutomationRule rule = Json.MAPPER.readValue(json, AutomationRule.class);
      if (rule == null) {
        return Optional.empty();
      }
      parsed.put(key, new Parsed(json, rule));
      return Optional.of(rule);
    } catch (Exception e) {
      // malformed JSON or a rule breaking its own invariants (constructor): not a rule
      return Optional.empty();
    }
  }

  private static Optional<String> building(String json) {
    try {
      JsonNode node = Json.MAPPER.readTree(json);
      JsonNode b = node == null ? null : node.get("building");
      return b != null && b.isTextual() && !b.asText().isBlank()
          ? Optional.of(b.asText())
          : Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  private static String lookup(ReadOnlyBroadcastState<String, String> view, String key) {
    try {
      return view.get(key);
    } catch (Exception e) {
      throw new IllegalStateException("broadcast state read failed", e);
    }
  }

  /** The room of the event: the rule's room, else that of the watched sensor's newest sample. */
  private static String roomOf(AutomationRule rule, List<RuleSample> window) {
    if (rule.condition().room() != null) {
      return rule.condition().room();
    }
    RuleSample newest = null;
    for (RuleSample s : window) {
      newest = newest == null || s.at().isAfter(newest.at()) ? s : newest;
    }
    return newest == null ? null : newest.room();
  }

  private static Duration longestWindow(List<AutomationRule> rules) {
    Duration longest = Duration.ZERO;
    for (AutomationRule r : rules) {
      longest = r.condition().window().compareTo(longest) > 0 ? r.condition().window() : longest;
    }
    return longest;
  }
}
