package io.voltstream.jobs.rules.logic;

import static io.voltstream.jobs.rules.logic.RulesTestData.co2Rule;
import static io.voltstream.jobs.rules.logic.RulesTestData.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.jobs.rules.logic.RuleEvaluation.Step;
import io.voltstream.jobs.rules.logic.RuleEvaluation.Transition;
import io.voltstream.model.rules.AutomationRule;
import io.voltstream.model.rules.RuleAction;
import io.voltstream.model.rules.RuleCondition;
import java.time.Instant;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class RuleEvaluationTest {
  private static Step step(AutomationRule rule, RuleState state, double value, Instant at) {
    return RuleEvaluation.evaluate(rule, state, OptionalDouble.of(value), at);
  }

  @Test
  void shouldFireStrictlyAboveTheThresholdAndNotAtIt() {
    AutomationRule rule = co2Rule(0);
    assertThat(step(rule, null, 1000, t(0)).transition()).isEqualTo(Transition.NONE);
    Step fired = step(rule, null, 1000.1, t(0));
    assertThat(fired.transition()).isEqualTo(Transition.FIRED);
    assertThat(fired.next()).isEqualTo(new RuleState(true, t(0)));
    assertThat(fired.value()).isEqualTo(1000.1);
  }

  @Test
  void shouldStayTriggeredInsideTheHysteresisBandAndClearBelowTheClearThreshold() {
    AutomationRule rule = co2Rule(0);
    RuleState on = new RuleState(true, t(0));
    for (double inBand : new double[] {1200, 1000, 950, 800}) {
      Step s = step(rule, on, inBand, t(10));
      assertThat(s.transition()).as("%s ppm", inBand).isEqualTo(Transition.NONE);
      assertThat(s.next()).isEqualTo(on);
    }
    Step cleared = step(rule, on, 799, t(20));
    assertThat(cleared.transition()).isEqualTo(Transition.CLEARED);
    assertThat(cleared.next()).isEqualTo(new RuleState(false, t(20)));
    // and untriggered, a value in the band does not fire again
    assertThat(step(rule, cleared.next(), 900, t(30)).transition()).isEqualTo(Transition.NONE);
  }

  @Test
  void shouldFireBelowForABelowRule() {
    AutomationRule rule = RulesTestData.coldSensorRule("t1", 16, 18);
    assertThat(step(rule, null, 16, t(0)).transition()).isEqualTo(Transition.NONE);
    Step fired = step(rule, null, 15.9, t(0));
    assertThat(fired.transition()).isEqualTo(Transition.FIRED);
    assertThat(step(rule, fired.next(), 18, t(10)).transition()).isEqualTo(Transition.NONE);
    assertThat(step(rule, fired.next(), 18.1, t(10)).transition()).isEqualTo(Transition.CLEARED);
  }

  @Test
  void shouldDeferATransitionDuringTheCooldownAndMakeItWhenRecheckedAfterwards() {
    AutomationRule rule = co2Rule(120);
    RuleState on = new RuleState(true, t(0));
    Step early = step(rule, on, 700, t(60));
    assertThat(early.transition()).isEqualTo(Transition.NONE);
    assertThat(early.next()).isEqualTo(on);
    assertThat(early.recheckAt()).isEqualTo(t(120));
    // at the cooldown's end the window is judged again and the clear happens then
    Step later = step(rule, on, 750, t(120));
    assertThat(later.transition()).isEqualTo(Transition.CLEARED);
    assertThat(later.next()).isEqualTo(new RuleState(false, t(120)));
    assertThat(later.recheckAt()).isNull();
  }

  @Test
  void shouldDropADeferredTransitionWhenTheConditionNoLongerAsksForItAtTheRecheck() {
    AutomationRule rule = co2Rule(120);
    RuleState off = new RuleState(false, t(0));
    assertThat(step(rule, off, 1100, t(30)).recheckAt()).isEqualTo(t(120));
    Step recheck = step(rule, off, 900, t(120));
    assertThat(recheck.transition()).isEqualTo(Transition.NONE);
    assertThat(recheck.recheckAt()).isNull();
  }

  @Test
  void shouldNotAskForARecheckWhenNothingIsDueDuringTheCooldown() {
    Step s = step(co2Rule(120), new RuleState(true, t(0)), 900, t(60));
    assertThat(s.transition()).isEqualTo(Transition.NONE);
    assertThat(s.recheckAt()).isNull();
  }

  @Test
  void shouldChangeNothingWithoutData() {
    RuleState on = new RuleState(true, t(0));
    Step s = RuleEvaluation.evaluate(co2Rule(0), on, OptionalDouble.empty(), t(10));
    assertThat(s).isEqualTo(new Step(on, Transition.NONE, null, null));
  }

  @Test
  void shouldNotEvaluateADisabledRule() {
    Step s = step(co2Rule(0).withEnabled(false), null, 5000, t(0));
    assertThat(s.transition()).isEqualTo(Transition.NONE);
  }

  @Test
  void shouldApplyAThresholdEditedWhileTriggeredFromTheNextEvaluation() {
    RuleState on = new RuleState(true, t(0));
    // clear threshold raised from 800 to 1100: 1050 is now past it → clears at once
    AutomationRule raised = co2Rule("co2-office", 1500, 1100.0, 300, 0);
    assertThat(RuleEvaluation.keepsState(co2Rule(0), raised)).isTrue();
    assertThat(step(raised, on, 1050, t(10)).transition()).isEqualTo(Transition.CLEARED);
    // a threshold raised without reaching the current value keeps it triggered
    AutomationRule higher = co2Rule("co2-office", 1500, 1000.0, 300, 0);
    assertThat(step(higher, on, 1050, t(10)).transition()).isEqualTo(Transition.NONE);
  }

  @Test
  void shouldResetTheStateWhenARuleIsDisabledDeletedOrReAimed() {
    AutomationRule rule = co2Rule(0);
    assertThat(RuleEvaluation.keepsState(rule, rule.withEnabled(false))).isFalse();
    assertThat(RuleEvaluation.keepsState(rule, null)).isFalse();
    assertThat(RuleEvaluation.keepsState(null, rule)).isFalse();
    RuleCondition c = rule.condition();
    AutomationRule otherRoom =
        new AutomationRule(
            rule.id(),
            rule.building(),
            rule.name(),
            true,
            new RuleCondition(
                c.metric(),
                "bedroom-1",
                null,
                c.aggregate(),
                c.windowS(),
                c.comparison(),
                c.threshold(),
                c.clearThreshold()),
            rule.onTrigger(),
            rule.onClear(),
            rule.cooldownS());
    assertThat(RuleEvaluation.keepsState(rule, otherRoom)).isFalse();
    AutomationRule eventOnly =
        new AutomationRule(
            rule.id(),
            rule.building(),
            rule.name(),
            true,
            c,
            new RuleAction(RuleAction.Kind.EVENT, null, null, null, null),
            null,
            60);
    assertThat(RuleEvaluation.keepsState(rule, eventOnly)).isTrue();
  }

  @Test
  void shouldForgetAnUntriggeredStateOnceItsCooldownIsOver() {
    assertThat(RuleState.INITIAL.forgettableAt(t(0), java.time.Duration.ZERO)).isTrue();
    RuleState cleared = new RuleState(false, t(0));
    assertThat(cleared.forgettableAt(t(119), java.time.Duration.ofSeconds(120))).isFalse();
    assertThat(cleared.forgettableAt(t(120), java.time.Duration.ofSeconds(120))).isTrue();
    assertThat(new RuleState(true, t(0)).forgettableAt(t(999), java.time.Duration.ZERO)).isFalse();
  }
}
