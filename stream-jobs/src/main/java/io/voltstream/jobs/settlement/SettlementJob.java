package io.voltstream.jobs.settlement;

import io.voltstream.jobs.JobEnvironment;
import io.voltstream.jobs.dispatch.DispatchJob;
import io.voltstream.jobs.io.EventTimeWatermarks;
import io.voltstream.jobs.io.InfluxSink;
import io.voltstream.jobs.io.JobsConfig;
import io.voltstream.jobs.io.KafkaSinks;
import io.voltstream.jobs.io.KafkaSources;
import io.voltstream.jobs.io.RegistryChange;
import io.voltstream.jobs.roommetrics.RegistryWatermarks;
import io.voltstream.jobs.roommetrics.logic.RoomReading;
import io.voltstream.jobs.settlement.logic.FinanceRow;
import io.voltstream.model.BatteryTelemetry;
import io.voltstream.model.Json;
import io.voltstream.model.SensorReading;
import io.voltstream.model.Topics;
import io.voltstream.model.dr.DrExecution;
import io.voltstream.model.market.MarketTrade;
import io.voltstream.model.market.Settlement;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * Settlement, financial benefits and CO2 (issue 10 items 5 and 6): per building and 15-minute slot,
 * the metered grid exchange (readings with room and building from the registry, battery telemetry
 * with its building), the slot's P2P trades (each trade counts for its buyer and its seller) and
 * the DR incentive earned (Kafka {@code dr-status}) become a {@link Settlement} for every building
 * that traded (Kafka {@code settlements}, InfluxDB {@code settlements}) and finance rows per
 * building and per room (InfluxDB {@code building_finance}), once the watermark passes the slot's
 * end. {@link SettlementFunction} does the per-building work over the energy module's rules.
 *
 * <p>Event time: readings and battery reports carry the watermark (bounded out-of-orderness, idle
 * partitions ignored); trades, DR reports and the registry are control inputs declared idle, so
 * they never hold it back — a trade is matched before its slot starts, long before the slot closes.
 */
public class SettlementJob {
  private static final String UID = SettlementJobConfig.JOB_NAME;

  /** Where the job writes. */
  public record Sinks(
      Sink<Settlement> settlementsKafka,
      Sink<Settlement> settlementsInflux,
      Sink<FinanceRow> financeInflux) {}

  private final SettlementJobConfig config;
  private final Source<SensorReading, ?, ?> readings;
  private final Source<BatteryTelemetry, ?, ?> batteryState;
  private final Source<MarketTrade, ?, ?> trades;
  private final Source<String, ?, ?> drStatus;
  private final Source<RegistryChange, ?, ?> registry;
  private final Sinks sinks;

  public SettlementJob(
      SettlementJobConfig config,
      Source<SensorReading, ?, ?> readings,
      Source<BatteryTelemetry, ?, ?> batteryState,
      Source<MarketTrade, ?, ?> trades,
      Source<String, ?, ?> drStatus,
      Source<RegistryChange, ?, ?> registry,
      Sinks sinks) {
    this.config = Objects.requireNonNull(config, "config");
    this.readings = Objects.requireNonNull(readings, "readings");
    this.batteryState = Objects.requireNonNull(batteryState, "batteryState");
    this.trades = Objects.requireNonNull(trades, "trades");
    this.drStatus = Objects.requireNonNull(drStatus, "drStatus");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.sinks = Objects.requireNonNull(sinks, "sinks");
  }

  /** Adds the topology to {@code env}; returns the operator's output. */
  public DataStream<SettlementOutput> build(StreamExecutionEnvironment env) {
    DataStream<RegistryChange> registryStream =
        env.fromSource(registry, RegistryWatermarks.<RegistryChange>idle(), "registry")
            .uid(UID + "-registry-source");

    DataStream<SettlementInput> meters =
        DispatchJob.roomReadings(
                env, readings, eventTime(SensorReading::timestamp), registryStream, UID)
            .flatMap(
                (RoomReading r, Collector<SettlementInput> out) ->
                    SettlementInput.meter(r).ifPresent(out::collect))
            .returns(SettlementInput.class)
            .uid(UID + "-meters")
            .name("meter samples");

    DataStream<SettlementInput> battery =
        DispatchJob.batteryInputs(
                env, batteryState, eventTime(BatteryTelemetry::timestamp), registryStream, UID)
            .map(SettlementInput::battery)
            .uid(UID + "-battery-samples")
            .name("battery samples");

    DataStream<SettlementInput> legs =
        env.fromSource(trades, RegistryWatermarks.<MarketTrade>idle(), "market-trades")
            .uid(UID + "-trades-source")
            .flatMap(
                (MarketTrade t, Collector<SettlementInput> out) ->
                    SettlementInput.legs(t).forEach(out::collect))
            .returns(SettlementInput.class)
            .uid(UID + "-trade-legs")
            .name("trade → buyer and seller");

    DataStream<SettlementInput> dr =
        env.fromSource(drStatus, RegistryWatermarks.<String>idle(), "dr-status")
            .uid(UID + "-dr-status-source")
            .flatMap(
                (String json, Collector<SettlementInput> out) ->
                    parseDr(json).flatMap(SettlementInput::dr).ifPresent(out::collect))
            .returns(SettlementInput.class)
            .uid(UID + "-dr-benefit")
            .name("DR benefit");

    SingleOutputStreamOperator<SettlementOutput> settled =
        meters
            .union(battery, legs, dr)
            .keyBy(SettlementInput::building)
            .connect(registryStream.broadcast(SettlementFunction.REGISTRY))
            .process(new SettlementFunction(config))
            .uid(UID + "-settle")
            .name("settle per building");

    DataStream<Settlement> settlements =
        settled
            .filter(o -> o.settlement() != null)
            .uid(UID + "-settlements-only")
            .name("settlements")
            .map(SettlementOutput::settlement)
            .uid(UID + "-settlement")
            .name("settlement");
    settlements
        .sinkTo(sinks.settlementsKafka())
        .uid(UID + "-settlements-kafka-sink")
        .name("settlements → Kafka");
    settlements
        .sinkTo(sinks.settlementsInflux())
        .uid(UID + "-settlements-influx-sink")
        .name("settlements → InfluxDB");
    settled
        .filter(o -> o.finance() != null)
        .uid(UID + "-finance-only")
        .name("finance rows")
        .map(SettlementOutput::finance)
        .uid(UID + "-finance")
        .name("finance row")
        .sinkTo(sinks.financeInflux())
        .uid(UID + "-finance-influx-sink")
        .name("building_finance → InfluxDB");
    return settled;
  }

  /** A {@code dr-status} value; empty when it is not one (the record has a list: read as text). */
  static Optional<DrExecution> parseDr(String json) {
    try {
      return Optional.ofNullable(Json.MAPPER.readValue(json, DrExecution.class));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  private <T> WatermarkStrategy<T> eventTime(EventTimeWatermarks.EventTime<T> timestamp) {
    return EventTimeWatermarks.of(
        config.maxOutOfOrderness(), config.idleness(), config.maxEventTimeAhead(), timestamp);
  }

  /** Adds the job with the real Kafka sources and sinks and the InfluxDB sinks to {@code env}. */
  public static DataStream<SettlementOutput> wireFromConfig(
      StreamExecutionEnvironment env, JobsConfig cfg, Map<String, String> vars) {
    JobEnvironment.configure(env, cfg);
    String job = SettlementJobConfig.JOB_NAME;
    return new SettlementJob(
            SettlementJobConfig.from(cfg, vars),
            KafkaSources.readings(cfg, job),
            KafkaSources.batteryState(cfg, job),
            KafkaSources.of(
                cfg, Topics.MARKET_TRADES, MarketTrade.class, job + "-trades", "undecodableTrades"),
            KafkaSources.text(
                cfg,
                Topics.DR_STATUS,
                job + "-dr-status",
                OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST)),
            KafkaSources.registry(cfg, job),
            new Sinks(
                KafkaSinks.to(cfg, Topics.SETTLEMENTS, Settlement::building),
                InfluxSink.fromConfig(cfg, SettlementPoints::settlement),
                InfluxSink.fromConfig(cfg, SettlementPoints::finance)))
        .build(env);
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> vars = JobsConfig.withArgs(System.getenv(), args);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    wireFromConfig(env, JobsConfig.fromEnv(vars), vars);
    env.execute(SettlementJobConfig.JOB_NAME);
  }
}
