package io.voltstream.api.dr;

import io.voltstream.api.dr.dto.InvitationResponse;
import io.voltstream.api.dr.dto.OpenAdr;
import io.voltstream.model.dr.DrExecution;
import io.voltstream.model.dr.DrInvitation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Maps invitations and the DR job's reports to OpenADR 3.0 programs, events and reports (pure; the
 * mapping table is in the serving-api README): an invitation is an event of one interval whose
 * payloads are {@code DISPATCH_SETPOINT_RELATIVE} (− requested kW: import lowered against the
 * baseline) and {@code PRICE} (the incentive, EUR/kWh delivered), targeted at the building as a
 * {@code RESOURCE_NAME}; a cancelled invitation is no event (OpenADR 3 deletes cancelled events). A
 * {@link DrExecution} is a report of that event with one resource (the building) and one interval
 * from the start to the report time, payloads {@code BASELINE} and {@code DEMAND} (kW) and {@code
 * DELTA_USAGE} (kWh, metered − baseline: negative = reduction).
 */
public final class OpenAdrViews {
  static final String TARGET_TYPE = "RESOURCE_NAME";
  static final String REQUEST_PAYLOAD = "DISPATCH_SETPOINT_RELATIVE";
  static final String INCENTIVE_PAYLOAD = "PRICE";
  static final List<OpenAdr.PayloadDescriptor> EVENT_DESCRIPTORS =
      List.of(
          new OpenAdr.PayloadDescriptor("EVENT_PAYLOAD_DESCRIPTOR", REQUEST_PAYLOAD, "KW", null),
          new OpenAdr.PayloadDescriptor(
              "EVENT_PAYLOAD_DESCRIPTOR", INCENTIVE_PAYLOAD, "KWH", "EUR"));
  static final List<OpenAdr.PayloadDescriptor> REPORT_DESCRIPTORS =
      List.of(
          new OpenAdr.PayloadDescriptor("REPORT_PAYLOAD_DESCRIPTOR", "BASELINE", "KW", null),
          new OpenAdr.PayloadDescriptor("REPORT_PAYLOAD_DESCRIPTOR", "DEMAND", "KW", null),
          new OpenAdr.PayloadDescriptor("REPORT_PAYLOAD_DESCRIPTOR", "DELTA_USAGE", "KWH", null));

  private OpenAdrViews() {}

  /** One program per program id in use, plus the default one; targets = its buildings. */
  public static List<OpenAdr.Program> programs(List<DrService.Entry> entries) {
    Map<String, List<DrInvitation>> byProgram = new TreeMap<>();
    byProgram.put(DrInvitation.DEFAULT_PROGRAM, new ArrayList<>());
    for (DrService.Entry e : entries) {
      byProgram
          .computeIfAbsent(e.invitation().programId(), k -> new ArrayList<>())
          .add(e.invitation());
    }
    List<OpenAdr.Program> out = new ArrayList<>();
    byProgram.forEach(
        (id, invs) -> {
          TreeSet<String> buildings = new TreeSet<>();
          invs.forEach(i -> buildings.add(i.building()));
          Instant created =
              invs.stream()
                  .map(DrInvitation::createdAt)
                  .filter(Objects::nonNull)
                  .min(Instant::compareTo)
                  .orElse(null);
          Instant modified =
              invs.stream()
                  .map(OpenAdrViews::modified)
                  .filter(Objects::nonNull)
                  .max(Instant::compareTo)
                  .orElse(null);
          out.add(
              new OpenAdr.Program(
                  id,
                  created,
                  modified,
                  "PROGRAM",
                  id,
                  id.equals(DrInvitation.DEFAULT_PROGRAM)
                      ? "Voltstream demand response: reduce grid import against the baseline"
                      : null,
                  EVENT_DESCRIPTORS,
                  List.of(new OpenAdr.ValuesMap(TARGET_TYPE, List.copyOf(buildings)))));
        });
    return out;
  }

  /** The events: every invitation that is not cancelled. */
  public static List<OpenAdr.Event> events(List<DrService.Entry> entries) {
    return entries.stream()
        .map(DrService.Entry::invitation)
        .filter(i -> !i.cancelled())
        .map(OpenAdrViews::event)
        .toList();
  }

  static OpenAdr.Event event(DrInvitation i) {
    OpenAdr.IntervalPeriod period = new OpenAdr.IntervalPeriod(i.start(), i.duration().toString());
    return new OpenAdr.Event(
        i.id(),
        i.createdAt(),
        modified(i),
        "EVENT",
        i.programId(),
        String.format(
            java.util.Locale.ROOT,
            "%s: reduce %.2f kW from %s",
            i.building(),
            i.requestedKw(),
            i.start()),
        List.of(new OpenAdr.ValuesMap(TARGET_TYPE, List.of(i.building()))),
        EVENT_DESCRIPTORS,
        period,
        List.of(
            new OpenAdr.Interval(
                0,
                period,
                List.of(
                    new OpenAdr.ValuesMap(REQUEST_PAYLOAD, List.of(-i.requestedKw())),
                    new OpenAdr.ValuesMap(INCENTIVE_PAYLOAD, List.of(i.incentiveEurPerKwh()))))));
  }

  /** The reports: one per event the DR job reported on. */
  public static List<OpenAdr.Report> reports(List<DrService.Entry> entries) {
    return entries.stream()
        .filter(e -> e.execution() != null)
        .map(e -> report(e.invitation(), e.execution()))
        .toList();
  }

  static OpenAdr.Report report(DrInvitation i, DrExecution x) {
    Instant until = x.at().isAfter(i.end()) ? i.end() : x.at();
    Duration elapsed =
        until.isAfter(i.start()) ? Duration.between(i.start(), until) : Duration.ZERO;
    OpenAdr.IntervalPeriod period = new OpenAdr.IntervalPeriod(i.start(), elapsed.toString());
    List<OpenAdr.ValuesMap> payloads =
        Stream.of(
                payload("BASELINE", x.baselineKw()),
                payload("DEMAND", x.meteredKw()),
                payload("DELTA_USAGE", x.deliveredKwh() == null ? null : -x.deliveredKwh()))
            .filter(Objects::nonNull)
            .toList();
    return new OpenAdr.Report(
        i.id() + "-report",
        i.createdAt(),
        x.at(),
        "REPORT",
        i.programId(),
        i.id(),
        i.building(),
        "voltstream-dr-" + InvitationResponse.lower(x.status()),
        REPORT_DESCRIPTORS,
        List.of(
            new OpenAdr.Resource(
                i.building(), period, List.of(new OpenAdr.Interval(0, period, payloads)))));
  }

  private static OpenAdr.ValuesMap payload(String type, Double value) {
    return value == null ? null : new OpenAdr.ValuesMap(type, List.of(value));
  }

  private static Instant modified(DrInvitation i) {
    return Stream.of(i.createdAt(), i.answeredAt(), i.cancelledAt())
        .filter(Objects::nonNull)
        .max(Instant::compareTo)
        .orElse(null);
  }
}
