package io.voltstream.jobs.rules;

import static io.voltstream.jobs.rules.logic.RulesTestData.co2;
import static io.voltstream.jobs.rules.logic.RulesTestData.co2Rule;
import static io.voltstream.jobs.rules.logic.RulesTestData.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.jobs.io.RegistryChange;
import io.voltstream.jobs.rules.logic.RuleDecision;
import io.voltstream.jobs.rules.logic.RuleSample;
import io.voltstream.jobs.rules.logic.RulesTestData;
import io.voltstream.model.Json;
import io.voltstream.model.RegistryKey;
import io.voltstream.model.command.DeviceInstruction;
import io.voltstream.model.rules.AutomationRule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The rules operator on a keyed-broadcast harness: firings in event time, cooldown deferral,
 * broadcast rule edits, deletion and disabling, state and timers gone, snapshot and restore.
 */
class RuleFunctionTest {
  /** 60 s window, 120 s cooldown: short enough to see every phase. */
  private static final AutomationRule RULE = co2Rule("co2-office", 1000, 800.0, 60, 120);

  private KeyedBroadcastOperatorTestHarness<String, RuleSample, RegistryChange, RuleDecision>
      harness;

  static KeyedBroadcastOperatorTestHarness<String, RuleSample, RegistryChange, RuleDecision>
      harness(OperatorSubtaskState restoreFrom) throws Exception {
    var h =
        new KeyedBroadcastOperatorTestHarness<>(
            new CoBroadcastWithKeyedOperator<>(
                new RuleFunction(Duration.ofMinutes(5)), List.of(RuleFunction.RULES)),
            RuleSample::subject,
            Types.STRING,
            1,
            1,
            0);
    h.setup();
    if (restoreFrom != null) {
      h.initializeState(restoreFrom);
    }
    h.open();
    return h;
  }

  @AfterEach
  void tearDown() throws Exception {
    if (harness != null) {
      harness.close();
    }
  }

  private void put(AutomationRule rule) throws Exception {
    harness.processBroadcastElement(
        new RegistryChange(RegistryKey.rule(rule.id()), Json.MAPPER.writeValueAsString(rule)), 0);
  }

  private void registerVentilation() throws Exception {
    harness.processBroadcastElement(
        new RegistryChange(
            RegistryKey.device("office-ventilation"),
            "{\"id\":\"office-ventilation\",\"building\":\"demo\",\"room\":\"office\"}"),
        0);
  }

  private void sample(RuleSample s) throws Exception {
    harness.processElement(new StreamRecord<>(s, s.at().toEpochMilli()));
  }

  private void office(long seconds, double ppm) throws Exception {
    sample(co2("office", "office-co2", t(seconds), ppm));
  }

  private void watermark(Instant at) throws Exception {
    harness.watermark(at.toEpochMilli());
  }

  private List<RuleDecision> decisions() {
    return harness.extractOutputValues();
  }

  private long keyedStateEntries() throws Exception {
    var backend = ((AbstractStreamOperator<?>) harness.getOperator()).getKeyedStateBackend();
    long n = 0;
    for (String name : List.of(RuleFunction.SAMPLES.getName(), RuleFunction.STATES.getName())) {
      n += backend.getKeys(name, VoidNamespace.INSTANCE).count();
    }
    return n;
  }

  @Test
  void shouldFireThenDeferTheClearUntilTheCooldownEndsAndLeaveNoStateBehind() throws Exception {
    harness = harness(null);
    registerVentilation();
    put(RULE);
    office(0, 1200);
    watermark(t(0));
    assertThat(decisions()).hasSize(1);
    RuleDecision fired = decisions().get(0);
    assertThat(fired.event().kind()).isEqualTo("rule_fired");
    assertThat(fired.event().timestamp()).isEqualTo(t(0));
    assertThat(fired.command().device().action()).isEqualTo(DeviceInstruction.Action.ON);
    assertThat(fired.command().building()).isEqualTo("demo");

    office(30, 500); // avg (1200 + 500) / 2 = 850: inside the band
    office(60, 500); // window (0 s, 60 s]: 500 → clear due, but the cooldown runs until 120 s
    office(90, 500);
    watermark(t(119));
    assertThat(decisions()).hasSize(1);

    watermark(
        t(120)); // the deferred clear, judged again at the cooldown's end: (60 s, 120 s] = 500
    assertThat(decisions()).hasSize(2);
    RuleDecision cleared = decisions().get(1);
    assertThat(cleared.event().kind()).isEqualTo("rule_cleared");
    assertThat(cleared.event().timestamp()).isEqualTo(t(120));
    assertThat(cleared.event().value()).isEqualTo(500.0);
    assertThat(cleared.command().device().action()).isEqualTo(DeviceInstruction.Action.OFF);
    assertThat(cleared.command().commandId()).isEqualTo("rule-co2-office-" + t(120).toEpochMilli());

    watermark(t(1000));
    assertThat(decisions()).hasSize(2);
    assertThat(keyedStateEntries()).as("samples and rule states").isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void shouldKeepNothingForASubjectNoRuleWatches() throws Exception {
    harness = harness(null);
    put(RULE);
    sample(co2("kitchen", "kitchen-co2", t(0), 5000));
    watermark(t(10));
    assertThat(decisions()).isEmpty();
    assertThat(keyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void shouldEvaluateASensorRuleOnThatSensorsSamplesOnly() throws Exception {
    harness = harness(null);
    AutomationRule cold = RulesTestData.coldSensorRule("office-t", 16, 18);
    put(cold);
    RuleSample warmRoom =
        new RuleSample("room:office", "office", "demo", "office-t", t(0), null, 15.0, null, null);
    sample(warmRoom); // the room subject: no rule watches it
    sample(
        new RuleSample(
            RuleSample.sensorSubject("office-t"),
            "office",
            "demo",
            "office-t",
            t(0),
            null,
            15.0,
            null,
            null));
    watermark(t(1));
    assertThat(decisions()).hasSize(1);
    assertThat(decisions().get(0).event().sensorId()).isEqualTo("office-t");
    assertThat(decisions().get(0).event().room()).isEqualTo("office");
    assertThat(decisions().get(0).command()).isNull();
  }

  @Test
  void shouldApplyAnEditedThresholdToATriggeredRuleWithoutARestart() throws Exception {
    harness = harness(null);
    put(co2Rule("co2-office", 1000, 800.0, 60, 0));
    office(0, 1100);
    watermark(t(0));
    assertThat(decisions()).hasSize(1);
    office(10, 1100); // still triggered
    watermark(t(10));
    assertThat(decisions()).hasSize(1);
    put(co2Rule("co2-office", 1500, 1200.0, 60, 0)); // same subject: the state stays
    office(20, 1100); // now past the new clear threshold
    watermark(t(20));
    assertThat(decisions()).hasSize(2);
    assertThat(decisions().get(1).event().kind()).isEqualTo("rule_cleared");
    assertThat(decisions().get(1).event().threshold()).isEqualTo(1200.0);
  }

  @Test
  void shouldForgetADisabledRuleAndStartAfreshWhenItIsEnabledAgain() throws Exception {
    harness = harness(null);
    put(co2Rule("co2-office", 1000, 800.0, 60, 0));
    office(0, 1100);
    watermark(t(0));
    assertThat(decisions()).hasSize(1);
    put(co2Rule("co2-office", 1000, 800.0, 60, 0).withEnabled(false));
    office(10, 1100);
    watermark(t(10));
    assertThat(decisions()).as("a disabled rule is not evaluated").hasSize(1);
    watermark(t(500));
    assertThat(keyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();

    put(co2Rule("co2-office", 1000, 800.0, 60, 0)); // enabled again: untriggered → fires anew
    office(600, 1100);
    watermark(t(600));
    assertThat(decisions()).hasSize(2);
    assertThat(decisions().get(1).event().kind()).isEqualTo("rule_fired");
  }

  @Test
  void shouldClearTheStateOfADeletedRuleInEveryKey() throws Exception {
    harness = harness(null);
    put(co2Rule("co2-office", 1000, 800.0, 600, 0));
    office(0, 1100);
    watermark(t(0));
    assertThat(keyedStateEntries()).isEqualTo(2); // samples and the triggered state
    harness.processBroadcastElement(new RegistryChange(RegistryKey.rule("co2-office"), null), 0);
    var backend = ((AbstractStreamOperator<?>) harness.getOperator()).getKeyedStateBackend();
    assertThat(backend.getKeys(RuleFunction.STATES.getName(), VoidNamespace.INSTANCE).count())
        .isZero();
    watermark(t(10_000));
    assertThat(keyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void shouldKeepThePreviousRuleWhenAnEditIsMalformed() throws Exception {
    harness = harness(null);
    put(co2Rule("co2-office", 1000, 800.0, 60, 0));
    harness.processBroadcastElement(
        new RegistryChange(RegistryKey.rule("co2-office"), "{\"id\":\"co2-office\"}"), 0);
    office(0, 1100);
    watermark(t(0));
    assertThat(decisions()).hasSize(1);
  }

  @Test
  void shouldRestoreSamplesStatesRulesAndTimersFromASnapshot() throws Exception {
    harness = harness(null);
    registerVentilation();
    put(RULE);
    office(0, 1200);
    watermark(t(0));
    office(60, 500);
    office(90, 500);
    watermark(t(90)); // clear deferred to 120 s
    assertThat(decisions()).hasSize(1);
    OperatorSubtaskState snapshot = harness.snapshot(1, 1);
    harness.close();

    harness = harness(snapshot);
    watermark(t(120));
    assertThat(decisions()).hasSize(1);
    RuleDecision cleared = decisions().get(0);
    assertThat(cleared.event().kind()).isEqualTo("rule_cleared");
    assertThat(cleared.event().timestamp()).isEqualTo(t(120));
    assertThat(cleared.command().building()).as("target building restored").isEqualTo("demo");
    watermark(t(1000));
    assertThat(keyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void shouldCountALateSampleInLaterWindowsWithoutJudgingItsPastInstant() throws Exception {
    harness = harness(null);
    put(co2Rule("co2-office", 1000, 800.0, 60, 0));
    office(10, 900);
    watermark(t(20));
    office(15, 2000); // late: (900 + 2000) / 2 = 1450 would fire at 15 s
    assertThat(decisions()).isEmpty();
    office(30, 900); // (900 + 2000 + 900) / 3 ≈ 1267 at 30 s
    watermark(t(30));
    assertThat(decisions()).hasSize(1);
    assertThat(decisions().get(0).event().timestamp()).isEqualTo(t(30));
  }
}
