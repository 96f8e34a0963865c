package io.voltstream.energy.scorecard;

import io.voltstream.energy.dispatch.DispatchContext;
import io.voltstream.energy.dispatch.DispatchDecision;

/** Decides each replay step; {@code past} holds only what was observed before the decision. */
@FunctionalInterface
public interface ReplayController {
  DispatchDecision decide(DispatchContext context, PastObservations past);
}
