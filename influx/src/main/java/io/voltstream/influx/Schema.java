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
    public final Field costEur =
        field(
            "cost_eur",
            FLOAT,
            "€",
            "net energy (energy − generation) at the building tariff: import price when > 0,"
                + " feed-in price when < 0");

    RoomMetrics() {
      super("room_metrics", "window start", "room aggregation job");
    }
  }

  /** Alerts and system events (alert job). */
  public static final class Events extends Measurement {
    public final Tag kind =
        tag(
            "kind",
            "`co2_high`, `temperature_high`, `temperature_low`, `sensor_silent`, `late_data_burst`,"
                + " `clock_ahead`, `command_rejected`, `command_timeout`, `command_expired`,"
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
    public final Tag lead =
        tag(
            "lead",
            "`lead_hours` as a tag (`0`..`23`), so each run's forecast of an hour is kept for the"
                + " accuracy per lead band");
    public final Tag modelId =
        tag("model_id", "saved model id, the PV model id, or `persistence_ensemble`");
    public final Tag room =
        tag(
            "room",
            "only on per-room consumption forecasts (rooms with their own meters); absent = whole"
                + " building");
    public final Tag target = tag("target", "`consumption` or `generation`");
    public final Field valueKwh =
        field("value_kwh", FLOAT, "kWh", "forecast energy of that hour (point forecast = P50)");
    public final Field p10Kwh =
        field(
            "p10_kwh",
            FLOAT,
            "kWh",
            "10 % quantile (empirical errors of the served forecaster on the trailing days);"
                + " absent when too few");
    public final Field p90Kwh = field("p90_kwh", FLOAT, "kWh", "90 % quantile, as `p10_kwh`");
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
    public final Field candidateModelId =
        field(
            "candidate_model_id",
            STRING,
            "",
            "the model the production guard scored (also when it served the baseline)");
    public final Field guardSkill =
        field(
            "guard_skill",
            FLOAT,
            "",
            "that model's day-ahead skill vs the persistence ensemble on the trailing 7 days");
    public final Field guardHours =
        field("guard_hours", INTEGER, "h", "hours behind `guard_skill` (a decision needs 96)");

    Forecasts() {
      super("forecasts", "forecast hour", "forecast service");
    }
  }

  /** Rolling accuracy of the stored forecasts against what was measured (forecast service). */
  public static final class ForecastAccuracy extends Measurement {
    public final Tag building = tag("building", "building id");
    public final Tag leadBand =
        tag(
            "lead_band",
            "`0-6h` (lead 0..5 h), `6-24h` (6..22 h) or `day_ahead` (23 h: the hour ends 24 h"
                + " after the run's origin)");
    public final Tag target = tag("target", "`consumption` or `generation`");
    public final Field nrmsePercent =
        field("nrmse_percent", FLOAT, "%", "RMSE normalised by the mean measured value");
    public final Field skill =
        field(
            "skill",
            FLOAT,
            "",
            "vs the persistence ensemble issued at the same lead; left out when undefined");
    public final Field maeKwh = field("mae_kwh", FLOAT, "kWh", "mean absolute error");
    public final Field rmseKwh = field("rmse_kwh", FLOAT, "kWh", "root mean square error");
    public final Field baselineRmseKwh =
        field(
            "baseline_rmse_kwh",
            FLOAT,
            "kWh",
            "RMSE of the persistence ensemble at the same lead on the same hours");
    public final Field hours =
        field("hours", INTEGER, "h", "forecasts scored (an hour counts once per lead)");
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

  /** Every change of an order's state (market job). */
  public static final class MarketOrders extends Measurement {
    public final Tag market = tag("market", "market id");
    public final Tag building = tag("building", "the participant");
    public final Tag side = tag("side", "`buy` or `sell`");
    public final Tag origin = tag("origin", "`api` or `agent`");
    public final Field orderId = field("order_id", STRING, "", "order id");
    public final Field state =
        field(
            "state",
            STRING,
            "",
            "`open`, `partially_filled`, `filled`, `cancelled`, `expired` or `rejected`");
    public final Field deliveryStart =
        field("delivery_start", INTEGER, "ms", "slot start, epoch milliseconds");
    public final Field energyKwh = field("energy_kwh", FLOAT, "kWh", "ordered quantity");
    public final Field priceEurPerKwh = field("price_eur_per_kwh", FLOAT, "€/kWh", "limit price");
    public final Field filledKwh = field("filled_kwh", FLOAT, "kWh", "traded so far");
    public final Field remainingKwh = field("remaining_kwh", FLOAT, "kWh", "left");
    public final Field averagePriceEurPerKwh =
        field("average_price_eur_per_kwh", FLOAT, "€/kWh", "mean price of its trades");
    public final Field reason = field("reason", STRING, "", "why rejected, expired or cancelled");

    MarketOrders() {
      super(
          "market_orders",
          "event time of the change + its position among one event's changes in milliseconds",
          "market job");
    }
  }

  /** One point per market and delivery slot at its gate closure (market job). */
  public static final class MarketClearingPoints extends Measurement {
    public final Tag market = tag("market", "market id");
    public final Tag mode = tag("mode", "`pay_as_clear` or `pay_as_bid`");
    public final Field priceEurPerKwh =
        field(
            "price_eur_per_kwh",
            FLOAT,
            "€/kWh",
            "uniform clearing price (pay-as-clear) or volume-weighted mean (pay-as-bid); absent"
                + " when nothing traded");
    public final Field volumeKwh = field("volume_kwh", FLOAT, "kWh", "energy traded");
    public final Field orders = field("orders", INTEGER, "", "orders of the slot");
    public final Field bids = field("bids", INTEGER, "", "of which bids");
    public final Field offers = field("offers", INTEGER, "", "of which offers");
    public final Field trades = field("trades", INTEGER, "", "trades");
    public final Field participants = field("participants", INTEGER, "", "distinct buildings");
    public final Field clearedAt =
        field("cleared_at", INTEGER, "ms", "gate closure, epoch milliseconds");

    MarketClearingPoints() {
      super("market_clearing", "delivery slot start", "market job");
    }
  }

  /** Every trade (market job). */
  public static final class MarketTrades extends Measurement {
    public final Tag market = tag("market", "market id");
    public final Tag buyer = tag("buyer", "buying building");
    public final Tag seller = tag("seller", "selling building");
    public final Tag mode = tag("mode", "`pay_as_clear` or `pay_as_bid`");
    public final Field tradeId = field("trade_id", STRING, "", "trade id");
    public final Field buyOrderId = field("buy_order_id", STRING, "", "the bid");
    public final Field sellOrderId = field("sell_order_id", STRING, "", "the offer");
    public final Field energyKwh = field("energy_kwh", FLOAT, "kWh", "energy traded");
    public final Field priceEurPerKwh = field("price_eur_per_kwh", FLOAT, "€/kWh", "price");
    public final Field matchedAt =
        field("matched_at", INTEGER, "ms", "event time of the match, epoch milliseconds");

    MarketTrades() {
      super(
          "market_trades",
          "delivery slot start + the trade's sequence number in milliseconds (distinct per trade)",
          "market job");
    }
  }

  /** Each participant's settlement of a slot after metering (settlement job). */
  public static final class Settlements extends Measurement {
    public final Tag market = tag("market", "market id");
    public final Tag building = tag("building", "the participant");
    public final Field boughtKwh = field("bought_kwh", FLOAT, "kWh", "bought in the market");
    public final Field soldKwh = field("sold_kwh", FLOAT, "kWh", "sold in the market");
    public final Field paidEur = field("paid_eur", FLOAT, "€", "paid to sellers");
    public final Field receivedEur = field("received_eur", FLOAT, "€", "received from buyers");
    public final Field meteredNetKwh =
        field("metered_net_kwh", FLOAT, "kWh", "metered grid exchange, + import / − export");
    public final Field deviationKwh =
        field("deviation_kwh", FLOAT, "kWh", "metered − (bought − sold)");
    public final Field deviationEur =
        field("deviation_eur", FLOAT, "€", "deviation settled at the grid prices");
    public final Field netCostEur =
        field("net_cost_eur", FLOAT, "€", "paid − received + deviation");
    public final Field gridOnlyCostEur =
        field("grid_only_cost_eur", FLOAT, "€", "the metered exchange at grid prices");
    public final Field savingsEur = field("savings_eur", FLOAT, "€", "grid-only − net");
    public final Field meteredShare =
        field("metered_share", FLOAT, "", "fraction of the slot with meter samples");

    Settlements() {
      super("settlements", "delivery slot start", "settlement job");
    }
  }

  /**
   * Money and CO2 per building (and per room) and 15-minute slot (settlement job); the API sums
   * slots into hours, days and months.
   */
  public static final class BuildingFinance extends Measurement {
    public final Tag building = tag("building", "building id");
    public final Tag scope = tag("scope", "`building` or `room`");
    public final Tag room = tag("room", "room name (room rows only)");
    public final Field consumptionKwh = field("consumption_kwh", FLOAT, "kWh", "gross consumption");
    public final Field generationKwh = field("generation_kwh", FLOAT, "kWh", "PV generation");
    public final Field importKwh = field("import_kwh", FLOAT, "kWh", "grid import");
    public final Field exportKwh = field("export_kwh", FLOAT, "kWh", "grid export");
    public final Field batteryChargeKwh =
        field("battery_charge_kwh", FLOAT, "kWh", "energy into the batteries");
    public final Field batteryDischargeKwh =
        field("battery_discharge_kwh", FLOAT, "kWh", "energy out of the batteries");
    public final Field selfConsumedKwh =
        field("self_consumed_kwh", FLOAT, "kWh", "generation used on site (generation − export)");
    public final Field energyCostEur =
        field("energy_cost_eur", FLOAT, "€", "grid import at the tariff's import price");
    public final Field feedInRevenueEur =
        field("feed_in_revenue_eur", FLOAT, "€", "grid export at the feed-in price");
    public final Field p2pPaidEur = field("p2p_paid_eur", FLOAT, "€", "paid in the market");
    public final Field p2pReceivedEur =
        field("p2p_received_eur", FLOAT, "€", "received in the market");
    public final Field netCostEur =
        field("net_cost_eur", FLOAT, "€", "what the building pays overall (settled)");
    public final Field p2pSavingsEur =
        field("p2p_savings_eur", FLOAT, "€", "grid-only cost − settled cost");
    public final Field batterySavingsEur =
        field("battery_savings_eur", FLOAT, "€", "cost without the batteries − cost with them");
    public final Field drSavingsEur = field("dr_savings_eur", FLOAT, "€", "DR incentive earned");
    public final Field co2Kg = field("co2_kg", FLOAT, "kg", "CO2 of the energy taken");
    public final Field co2WithoutP2pKg =
        field("co2_without_p2p_kg", FLOAT, "kg", "CO2 had all import come from the grid");
    public final Field co2WithoutPvKg =
        field("co2_without_pv_kg", FLOAT, "kg", "CO2 without the PV generation");
    public final Field co2WithoutBatteryKg =
        field("co2_without_battery_kg", FLOAT, "kg", "CO2 without the batteries");
    public final Field meteredShare =
        field("metered_share", FLOAT, "", "fraction of the slot with meter samples");

    BuildingFinance() {
      super("building_finance", "15-minute slot start", "settlement job");
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
  public static final MarketOrders MARKET_ORDERS = new MarketOrders();
  public static final MarketClearingPoints MARKET_CLEARING = new MarketClearingPoints();
  public static final MarketTrades MARKET_TRADES = new MarketTrades();
  public static final Settlements SETTLEMENTS = new Settlements();
  public static final BuildingFinance BUILDING_FINANCE = new BuildingFinance();

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
          DR_PERFORMANCE,
          MARKET_ORDERS,
          MARKET_CLEARING,
          MARKET_TRADES,
          SETTLEMENTS,
          BUILDING_FINANCE);
}
