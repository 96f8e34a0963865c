package io.voltstream.influx;

import static io.voltstream.influx.Field.Type.FLOAT;
import static io.voltstream.influx.Field.Type.INTEGER;
import static io.voltstream.influx.Field.Type.STRING;

import java.util.List;

/**
 * Every InfluxDB measurement Voltstream writes, declared once. Writers build points from these
 * declarations ({@link LinePoint}), readers name columns through them ({@link InfluxQuery}), and
 * {@code SchemaDocsTest} checks the README tables against them. To add a measurement, add a nested
 * class and its constant here and list it in {@link #ALL}.
 *
 * <p>All timestamps have millisecond precision. Tags and timestamps are a function of the record
 * written, so replaying Kafka rewrites the same points instead of adding new ones.
 */
public final class Schema {
  private Schema() {}

  /** Every raw reading (raw readings job). */
  public static final class Readings extends Measurement {
    public final Tag sensorId = tag("sensor_id", "device id");
    public final Tag room =
        tag(
            "room",
            "room the device reported (the registry's assignment is applied in `room_metrics`),"
                + " `unassigned` when none");
    public final Tag sensorType =
        tag(
            "sensor_type",
            "`energy`, `power`, `co2`, `temperature`, `humidity`, `multi`, `pv`, `battery`, `hvac`,"
                + " `plug`, `occupancy`");
    public final Field energyKwh =
        field("energy_kwh", FLOAT, "kWh", "consumed since the sensor's previous reading");
    public final Field powerW = field("power_w", FLOAT, "W", "power at the reading");
    public final Field co2Ppm = field("co2_ppm", FLOAT, "ppm", "CO2 concentration");
    public final Field temperatureC = field("temperature_c", FLOAT, "°C", "air temperature");
    public final Field humidityPercent = field("humidity_percent", FLOAT, "%", "relative humidity");
    public final Field voltageV = field("voltage_v", FLOAT, "V", "supply voltage");
    public final Field generationKwh =
        field("generation_kwh", FLOAT, "kWh", "generated since the previous reading");

    /** Room tag of readings whose sensor has no room in the payload or the registry. */
    public static final String UNASSIGNED = "unassigned";

    Readings() {
      super("readings", "event time of the reading", "raw readings job");
    }

    /** The metric fields, in declaration order. */
    public List<Field> metrics() {
      return fields();
    }
  }

  /** One point per room and window (room aggregation job). */
  public static final class RoomMetrics extends Measurement {
    public final Tag room = tag("room", "room name");
    public final Tag building =
        tag("building", "building id (`default` when the room is not registered)");
    public final Field energyKwh = field("energy_kwh", FLOAT, "kWh", "sum over the window");
    public final Field powerAvgW =
        field("power_avg_w", FLOAT, "W", "mean of the readings carrying power");
    public final Field powerMaxW =
        field("power_max_w", FLOAT, "W", "maximum of the readings carrying power");
    public final Field co2AvgPpm = field("co2_avg_ppm", FLOAT, "ppm", "mean");
    public final Field temperatureAvgC = field("temperature_avg_c", FLOAT, "°C", "mean");
    public final Field humidityAvgPercent = field("humidity_avg_percent", FLOAT, "%", "mean");
    public final Field generationKwh = field("generation_kwh", FLOAT, "kWh", "sum over the window");
    public final Field sampleCount = field("sample_count", INTEGER, "", "readings in the window");

    RoomMetrics() {
      super("room_metrics", "window start", "room aggregation job");
    }
  }

  /** Alerts and system events (alert job). */
  public static final class Events extends Measurement {
    public final Tag kind =
        tag(
            "kind",
            "`co2_high`, `temperature_high`, `temperature_low`, `sensor_silent`,"
                + " `late_data_burst`, `command_rejected`, `command_timeout`, `command_expired`,"
                + " `rule_fired`, `rule_cleared`, `dr_invitation`, `dr_answered`, `dr_started`,"
                + " `dr_completed`, `dr_cancelled`, `dr_redispatch`");
    public final Tag severity = tag("severity", "`info`, `warning`, `critical`");
    public final Tag building = tag("building", "when the producer knows the building");
    public final Tag room = tag("room", "when the event concerns a room");
    public final Tag sensorId = tag("sensor_id", "when the event concerns a sensor");
    public final Field message = field("message", STRING, "", "human-readable text");
    public final Field value = field("value", FLOAT, "", "the measured value");
    public final Field threshold = field("threshold", FLOAT, "", "the threshold it crossed");
    public final Field eventId =
        field("event_id", STRING, "", "deterministic id (kind, subject, event time)");

    Events() {
      super("events", "event time", "alert, command-status, rules and DR jobs");
    }
  }

  /** Hourly forecasts (forecast service); a rerun for the same hour and model overwrites. */
  public static final class Forecasts extends Measurement {
    public final Tag building = tag("building", "building id");
    public final Tag fallback =
        tag("fallback", "`true` when a baseline stood in for the model, else `false`");
    public final Tag modelId = tag("model_id", "saved model id, or `persistence_ensemble`");
    public final Tag target = tag("target", "`consumption` or `generation`");
    public final Field valueKwh = field("value_kwh", FLOAT, "kWh", "forecast energy of that hour");
    public final Field issuedAt =
        field(
            "issued_at",
            INTEGER,
            "ms",
            "epoch milliseconds of the run's origin; readers take the latest per hour");
    public final Field leadHours =
        field("lead_hours", INTEGER, "h", "hours between origin and forecast hour");
    public final Field fallbackReason =
        field("fallback_reason", STRING, "", "why the fallback was used (only when fallback)");

    Forecasts() {
      super("forecasts", "forecast hour", "forecast service");
    }
  }

  /** Rolling accuracy of the stored forecasts against what was measured (forecast service). */
  public static final class ForecastAccuracy extends Measurement {
    public final Tag building = tag("building", "building id");
    public final Tag target = tag("target", "`consumption` or `generation`");
    public final Field nrmsePercent =
        field("nrmse_percent", FLOAT, "%", "RMSE normalised by the mean measured value");
    public final Field skill =
        field(
            "skill",
            FLOAT,
            "",
            "vs the persistence ensemble at the hour's midnight; left out when undefined");
    public final Field maeKwh = field("mae_kwh", FLOAT, "kWh", "mean absolute error");
    public final Field rmseKwh = field("rmse_kwh", FLOAT, "kWh", "root mean square error");
    public final Field baselineRmseKwh =
        field("baseline_rmse_kwh", FLOAT, "kWh", "RMSE of the previous-day baseline");
    public final Field hours = field("hours", INTEGER, "h", "hours scored");
    public final Field windowHours =
        field("window_hours", INTEGER, "h", "length of the evaluation window");

    ForecastAccuracy() {
      super("forecast_accuracy", "the run's origin hour", "forecast service");
    }
  }

  /** Battery telemetry as the batteries report it (battery state job). */
  public static final class BatteryState extends Measurement {
    public final Tag batteryId = tag("battery_id", "battery id");
    public final Tag building =
        tag("building", "the battery's building from the registry, `unassigned` when unknown");
    public final Field socPercent = field("soc_percent", FLOAT, "%", "state of charge");
    public final Field powerW = field("power_w", FLOAT, "W", "AC power, + charging, − discharging");
    public final Field capacityKwh =
        field("capacity_kwh", FLOAT, "kWh", "usable capacity the battery reports");
    public final Field maxChargeW = field("max_charge_w", FLOAT, "W", "charge limit it reports");
    public final Field maxDischargeW =
        field("max_discharge_w", FLOAT, "W", "discharge limit it reports");
    public final Field sohPercent = field("soh_percent", FLOAT, "%", "state of health");
    public final Field mode =
        field("mode", STRING, "", "`charge`, `discharge`, `idle`, `auto` or `safe`");
    public final Field commandId = field("command_id", STRING, "", "the command it is executing");

    BatteryState() {
      super("battery_state", "event time of the report", "battery state job");
    }
  }

  /** Each dispatch decision per battery and its reason (dispatch job). */
  public static final class BatteryDispatch extends Measurement {
    public final Tag building = tag("building", "building id");
    public final Tag batteryId = tag("battery_id", "battery id");
    public final Tag strategy =
        tag(
            "strategy",
            "the strategy that decided the setpoint, e.g. `peak_shaving`, `planned`,"
                + " `manual_override`, `demand_response` (a DR-job command holds the battery)");
    public final Field setpointW =
        field("setpoint_w", FLOAT, "W", "decided AC power, + charging, − discharging");
    public final Field netLoadW =
        field("net_load_w", FLOAT, "W", "building consumption − generation at the decision");
    public final Field socPercent =
        field("soc_percent", FLOAT, "%", "state of charge the decision saw");
    public final Field minW =
        field("min_w", FLOAT, "W", "lowest power the stack allowed (+ charging)");
    public final Field maxW =
        field("max_w", FLOAT, "W", "highest power the stack allowed (+ charging)");
    public final Field planW =
        field("plan_w", FLOAT, "W", "the plan's power for this step, when a plan exists");
    public final Field reason = field("reason", STRING, "", "why, in words");
    public final Field commandId = field("command_id", STRING, "", "the command issued for it");

    BatteryDispatch() {
      super("battery_dispatch", "event time of the decision (every 10 s)", "dispatch job");
    }
  }

  /**
   * One point per command, rewritten as its status moves (pending → applied, rejected, expired or
   * timeout), so the latest write is its current status (command-status job).
   */
  public static final class Commands extends Measurement {
    public final Tag target = tag("target", "battery or device id");
    public final Tag targetKind = tag("target_kind", "`battery` or `device`");
    public final Tag source = tag("source", "`manual`, `dispatch`, `dr` or `rule`");
    public final Tag building =
        tag("building", "the target's building, `unassigned` when the command named none");
    public final Field commandId = field("command_id", STRING, "", "command id");
    public final Field kind =
        field("kind", STRING, "", "`battery_setpoint` or `device_instruction`");
    public final Field status =
        field("status", STRING, "", "`pending`, `applied`, `rejected`, `expired` or `timeout`");
    public final Field mode = field("mode", STRING, "", "battery mode or device action");
    public final Field powerW = field("power_w", FLOAT, "W", "battery setpoint power (magnitude)");
    public final Field value = field("value", FLOAT, "", "device setpoint value");
    public final Field reason =
        field("reason", STRING, "", "why it was rejected, expired or timed out");
    public final Field validUntil =
        field("valid_until", INTEGER, "ms", "epoch milliseconds until which it may be applied");
    public final Field statusAt =
        field("status_at", INTEGER, "ms", "epoch milliseconds of the latest status");
    public final Field ackLatencyMs =
        field("ack_latency_ms", INTEGER, "ms", "issue → acknowledgement");

    Commands() {
      super("commands", "issue time of the command", "command-status job");
    }
  }

  /**
   * Flexibility per device, room and building, every evaluation (flexibility job). Consumption
   * perspective: {@code down} = grid import can be reduced by, {@code up} = raised by; all ≥ 0.
   */
  public static final class Flexibility extends Measurement {
    /** The {@code room} tag of a building's points. */
    public static final String NO_ROOM = "none";

    public final Tag building = tag("building", "building id");
    public final Tag scope = tag("scope", "`device`, `room` or `building`");
    public final Tag id = tag("id", "device id, room name or building id");
    public final Tag room = tag("room", "the room (device and room scope), `none` for a building");
    public final Field upNowKw = field("up_now_kw", FLOAT, "kW", "upward flexibility now");
    public final Field downNowKw = field("down_now_kw", FLOAT, "kW", "downward flexibility now");
    public final Field upHourKw =
        field("up_hour_kw", FLOAT, "kW", "upward, mean that can be held over the next hour");
    public final Field downHourKw =
        field("down_hour_kw", FLOAT, "kW", "downward, mean that can be held over the next hour");
    public final Field powerW =
        field(
            "power_w",
            FLOAT,
            "W",
            "device: metered power; room/building: power of their DR-enabled devices");
    public final Field state =
        field("state", STRING, "", "device only: `on`, `off` or `unknown` (no fresh reading)");

    Flexibility() {
      super("flexibility", "event time of the evaluation (every 10 s)", "flexibility job");
    }
  }

  /**
   * One point per DR event and report: its status as the DR job saw it (rewritten at each report
   * time, so the series is the event's history).
   */
  public static final class DrEvents extends Measurement {
    public final Tag building = tag("building", "building id");
    public final Tag eventId = tag("event_id", "invitation id");
    public final Field status = field("status", STRING, "", "`active`, `completed` or `cancelled`");
    public final Field requestedKw = field("requested_kw", FLOAT, "kW", "committed reduction");
    public final Field controlled =
        field("controlled", STRING, "", "targets held, comma-separated, in dispatch order");
    public final Field note = field("note", STRING, "", "what happened last");

    DrEvents() {
      super("dr_events", "event time of the DR job's report", "DR job");
    }
  }

  /** Verification of a DR event against its baseline, at each report while it runs (DR job). */
  public static final class DrPerformance extends Measurement {
    public final Tag building = tag("building", "building id");
    public final Tag eventId = tag("event_id", "invitation id");
    public final Tag baselineMethod =
        tag("baseline_method", "`10of10`, `high4of5` or the fallback used");
    public final Field baselineKw =
        field("baseline_kw", FLOAT, "kW", "baseline grid import for the window so far");
    public final Field meteredKw = field("metered_kw", FLOAT, "kW", "mean metered grid import");
    public final Field deliveredKw = field("delivered_kw", FLOAT, "kW", "baseline − metered");
    public final Field requestedKw = field("requested_kw", FLOAT, "kW", "committed reduction");
    public final Field performanceRatio =
        field("performance_ratio", FLOAT, "", "delivered / requested");
    public final Field deliveredKwh =
        field("delivered_kwh", FLOAT, "kWh", "energy delivered so far");
    public final Field benefitEur = field("benefit_eur", FLOAT, "€", "incentive earned so far");

    DrPerformance() {
      super("dr_performance", "event time of the DR job's report", "DR job");
    }
  }

  public static final Readings READINGS = new Readings();
  public static final RoomMetrics ROOM_METRICS = new RoomMetrics();
  public static final Events EVENTS = new Events();
  public static final Forecasts FORECASTS = new Forecasts();
  public static final ForecastAccuracy FORECAST_ACCURACY = new ForecastAccuracy();
  public static final BatteryState BATTERY_STATE = new BatteryState();
  public static final BatteryDispatch BATTERY_DISPATCH = new BatteryDispatch();
  public static final Commands COMMANDS = new Commands();
  public static final Flexibility FLEXIBILITY = new Flexibility();
  public static final DrEvents DR_EVENTS = new DrEvents();
  public static final DrPerformance DR_PERFORMANCE = new DrPerformance();

  /** Every measurement, in the order the docs list them. */
  public static final List<Measurement> ALL =
      List.of(
          READINGS,
          ROOM_METRICS,
          EVENTS,
          FORECASTS,
          FORECAST_ACCURACY,
          BATTERY_STATE,
          BATTERY_DISPATCH,
          COMMANDS,
          FLEXIBILITY,
          DR_EVENTS,
          DR_PERFORMANCE);
}
