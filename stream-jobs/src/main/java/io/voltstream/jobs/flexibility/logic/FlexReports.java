package io.voltstream.jobs.flexibility.logic;

import io.voltstream.energy.flex.BuildingFlexibility;
import io.voltstream.energy.flex.DeviceState;
import io.voltstream.energy.flex.Flexibility;
import io.voltstream.model.FlexibilityReport;
import io.voltstream.model.FlexibilityReport.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** Turns one building's {@link BuildingFlexibility} into the reports the job emits. */
public final class FlexReports {
  private FlexReports() {}

  /** Every device, then every room, then the building (ids ascending within each scope). */
  public static List<FlexibilityReport> of(String building, Instant at, BuildingFlexibility flex) {
    List<FlexibilityReport> out = new ArrayList<>();
    flex.devices()
        .forEach(
            (id, d) -> {
              DeviceState state = d.result().state();
              out.add(
                  report(
                      Scope.DEVICE,
                      id,
                      building,
                      d.spec().room(),
                      at,
                      d.result().flexibility(),
                      state == DeviceState.UNKNOWN ? OptionalDouble.empty() : d.powerW(),
                      state.name().toLowerCase(Locale.ROOT)));
            });
    flex.rooms()
        .forEach(
            (room, t) ->
                out.add(
                    report(
                        Scope.ROOM,
                        room,
                        building,
                        room,
                        at,
                        t.flexibility(),
                        t.drPowerW(),
                        null)));
    out.add(
        report(
            Scope.BUILDING,
            building,
            building,
            null,
            at,
            flex.building().flexibility(),
            flex.building().drPowerW(),
            null));
    return out;
  }

  private static FlexibilityReport report(
      Scope scope,
      String id,
      String building,
      String room,
      Instant at,
      Flexibility f,
      OptionalDouble powerW,
      String state) {
    return new FlexibilityReport(
        scope,
        id,
        building,
        room,
        at,
        f.upNowKw(),
        f.downNowKw(),
        f.upHourKw(),
        f.downHourKw(),
        powerW.isPresent() ? Math.abs(powerW.getAsDouble()) : null,
        state);
  }
}
