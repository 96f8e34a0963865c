package io.voltstream.forecast.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.forecast.guard.ProductionGuard.Choice;
import org.junit.jupiter.api.Test;

class ProductionGuardTest {
  private static final int ENOUGH = ProductionGuard.MIN_SCORED_HOURS;

  @Test
  void shouldLeaveTheModelOnlyBelowTheLowerThreshold() {
    assertThat(ProductionGuard.decide(Choice.MODEL, -0.019, ENOUGH).choice())
        .isEqualTo(Choice.MODEL);
    assertThat(ProductionGuard.decide(Choice.MODEL, -0.021, ENOUGH).choice())
        .isEqualTo(Choice.BASELINE);
  }

  @Test
  void shouldReturnToTheModelOnlyFromTheUpperThreshold() {
    assertThat(ProductionGuard.decide(Choice.BASELINE, 0.049, ENOUGH).choice())
        .isEqualTo(Choice.BASELINE);
    assertThat(ProductionGuard.decide(Choice.BASELINE, 0.05, ENOUGH).choice())
        .isEqualTo(Choice.MODEL);
    // inside the band each side keeps what it serves: no flapping around zero
    assertThat(ProductionGuard.decide(Choice.BASELINE, 0.0, ENOUGH).choice())
        .isEqualTo(Choice.BASELINE);
    assertThat(ProductionGuard.decide(Choice.MODEL, 0.0, ENOUGH).choice()).isEqualTo(Choice.MODEL);
  }

  @Test
  void shouldKeepThePreviousChoiceWithoutEnoughEvidence() {
    var decision = ProductionGuard.decide(Choice.MODEL, -0.9, ENOUGH - 1);
    assertThat(decision.choice()).isEqualTo(Choice.MODEL);
    assertThat(decision.scored()).isFalse();
    assertThat(ProductionGuard.decide(Choice.BASELINE, Double.NaN, 500).choice())
        .isEqualTo(Choice.BASELINE);
  }
}
