package io.voltstream.energy.device;

/**
 * How a DR-enabled device offers flexibility: a curtailable load is reduced and its energy is not
 * consumed later (HVAC, ventilation, lighting); a shiftable load is deferred and consumed later (EV
 * charger, water heater); none means it is never touched by DR.
 */
public enum FlexibilityKind {
  CURTAILABLE,
  SHIFTABLE,
  NONE
}
