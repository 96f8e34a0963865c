package io.voltstream.jobs.dr;

import io.voltstream.jobs.dispatch.DispatchInput;
import io.voltstream.jobs.dr.logic.DeviceReading;
import io.voltstream.model.FlexibilityReport;
import io.voltstream.model.command.CommandStatus;
import io.voltstream.model.dr.DrInvitation;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything the per-building DR operator consumes, in one record (a POJO for Flink) so the inputs
 * can be unioned and keyed by building. Exactly one payload is set, by {@code kind}.
 *
 * @param id sensor, battery or device id, invitation id, or command target
 * @param at event time (null for invitations: control input)
 * @param measurement a sensor power or battery report, as the dispatch job reads it ({@code POWER},
 *     {@code BATTERY})
 * @param device a device report ({@code DEVICE})
 * @param invitation an invitation ({@code INVITATION})
 * @param status a command status ({@code STATUS})
 */
public record DrInput(
    Kind kind,
    String building,
    String id,
    Instant at,
    DispatchInput measurement,
    DeviceReading device,
    DrInvitation invitation,
    TargetStatus status) {

  public enum Kind {
    POWER,
    BATTERY,
    DEVICE,
    INVITATION,
    STATUS
  }

  /** A power reading or battery report with its building (from the dispatch job's lookups). */
  public static DrInput measurement(DispatchInput m) {
    Kind kind = m.kind() == DispatchInput.Kind.POWER ? Kind.POWER : Kind.BATTERY;
    return new DrInput(kind, m.building(), m.id(), m.at(), m, null, null, null);
  }

  /** A device-scope flexibility report; empty for room and building scope. */
  public static Optional<DrInput> device(FlexibilityReport r) {
    if (r.scope() != FlexibilityReport.Scope.DEVICE || r.building() == null || r.at() == null) {
      return Optional.empty();
    }
    double powerW = r.powerW() == null ? Double.NaN : r.powerW();
    boolean on = "on".equals(r.state() == null ? null : r.state().toLowerCase(Locale.ROOT));
    return Optional.of(
        new DrInput(
            Kind.DEVICE,
            r.building(),
            r.id(),
            r.at(),
            null,
            new DeviceReading(powerW, on, r.at()),
            null,
            null));
  }

  public static DrInput invitation(DrInvitation inv) {
    return new DrInput(Kind.INVITATION, inv.building(), inv.id(), null, null, null, inv, null);
  }

  /**
   * A command status the DR job acts on (its own refused commands, setpoints applied outside DR);
   * empty for the rest and for statuses without a building.
   */
  public static Optional<DrInput> status(CommandStatus s) {
    TargetStatus t = TargetStatus.of(s);
    if (s.building() == null || !(t.refusedDr() || t.appliedOwnSetpoint())) {
      return Optional.empty();
    }
    return Optional.of(
        new DrInput(Kind.STATUS, s.building(), s.target(), s.at(), null, null, null, t));
  }
}
