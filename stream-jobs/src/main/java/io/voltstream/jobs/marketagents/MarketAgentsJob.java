package io.voltstream.jobs.marketagents;

import io.voltstream.jobs.JobEnvironment;
import io.voltstream.jobs.dispatch.BatteryBuildingFunction;
import io.voltstream.jobs.dispatch.DispatchInput;
import io.voltstream.jobs.dispatch.DispatchJob;
import io.voltstream.jobs.io.EventTimeWatermarks;
import io.voltstream.jobs.io.JobsConfig;
import io.voltstream.jobs.io.KafkaSinks;
import io.voltstream.jobs.io.KafkaSources;
import io.voltstream.jobs.io.RegistryChange;
import io.voltstream.jobs.roommetrics.RegistryWatermarks;
import io.voltstream.model.BatteryTelemetry;
import io.voltstream.model.SensorReading;
import io.voltstream.model.Topics;
import io.voltstream.model.market.MarketOrder;
import io.voltstream.model.market.OrderOrigin;
import io.voltstream.model.market.OrderUpdate;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;

/**
 * The buildings' trading agents (issue 10 item 3): per building whose registry entry has {@code
 * market.agent} on, every update interval of event time, the forecast net load of the coming slots
 * (or persistence of the metered net load), its batteries and what it already traded go through the
 * energy module's {@link io.voltstream.energy.market.agent.TradingAgent}; bids and offers priced on
 * a GSy-e-style ramp between feed-in and import price go to Kafka {@code market-orders} (key
 * market), cancelled and replaced when they change.
 *
 * <p>Topology: readings → room/building assignment ({@link DispatchJob#powerInputs}, the dispatch
 * job's {@code SensorPower} net load) → power inputs; battery state → the battery's building
 * ({@link BatteryBuildingFunction}); forecast batches ({@link DispatchInput#forecast}); the market
 * job's {@code market-order-status} of agent orders; all unioned as {@link AgentInput}, keyed by
 * building, into {@link MarketAgentFunction} with the registry broadcast. Sources and sink are
 * injected so tests run this topology on finite data.
 *
 * <p>Event time: readings and battery reports carry the watermark (bounded out-of-orderness, idle
 * partitions ignored); registry, forecasts and order statuses are control inputs declared idle
 * ({@link RegistryWatermarks}).
 */
public class MarketAgentsJob {
  private static final String UID = MarketAgentsJobConfig.JOB_NAME;

  private final MarketAgentsJobConfig config;
  private final Source<SensorReading, ?, ?> readings;
  private final Source<BatteryTelemetry, ?, ?> batteryState;
  private final Source<String, ?, ?> forecasts;
  private final Source<OrderUpdate, ?, ?> orderStatus;
  private final Source<RegistryChange, ?, ?> registry;
  private final Sink<MarketOrder> orderSink;

  public MarketAgentsJob(
      MarketAgentsJobConfig config,
      Source<SensorReading, ?, ?> readings,
      Source<BatteryTelemetry, ?, ?> batteryState,
      Source<String, ?, ?> forecasts,
      Source<OrderUpdate, ?, ?> orderStatus,
      Source<RegistryChange, ?, ?> registry,
      Sink<MarketOrder> orderSink) {
    this.config = Objects.requireNonNull(config, "config");
    this.readings = Objects.requireNonNull(readings, "readings");
    this.batteryState = Objects.requireNonNull(batteryState, "batteryState");
    this.forecasts = Objects.requireNonNull(forecasts, "forecasts");
    this.orderStatus = Objects.requireNonNull(orderStatus, "orderStatus");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.orderSink = Objects.requireNonNull(orderSink, "orderSink");
  }

  /** Adds the topology to {@code env}; returns the orders and cancellations. */
  public DataStream<MarketOrder> build(StreamExecutionEnvironment env) {
    DataStream<RegistryChange> registryStream =
        env.fromSource(registry, RegistryWatermarks.<RegistryChange>idle(), "registry")
            .uid(UID + "-registry-source");

    DataStream<DispatchInput> power =
        DispatchJob.powerInputs(
            env, readings, eventTime(SensorReading::timestamp), registryStream, UID);

    DataStream<DispatchInput> battery =
        DispatchJob.batteryInputs(
            env, batteryState, eventTime(BatteryTelemetry::timestamp), registryStream, UID);

    DataStream<DispatchInput> forecast =
        env.fromSource(forecasts, RegistryWatermarks.<String>idle(), "forecasts")
            .uid(UID + "-forecasts-source")
            .flatMap(
                (String json, Collector<DispatchInput> out) ->
                    DispatchInput.forecast(json).ifPresent(out::collect))
            .returns(DispatchInput.class)
            .uid(UID + "-forecast-batches")
            .name("forecast batches");

    DataStream<AgentInput> status =
        env.fromSource(orderStatus, RegistryWatermarks.<OrderUpdate>idle(), "market-order-status")
            .uid(UID + "-order-status-source")
            .filter(u -> u.origin() == OrderOrigin.AGENT && u.building() != null)
            .uid(UID + "-agent-order-status")
            .name("agent order status")
            .map(AgentInput::of)
            .returns(AgentInput.class)
            .uid(UID + "-status-input")
            .name("status input");

    SingleOutputStreamOperator<MarketOrder> orders =
        power
            .union(battery, forecast)
            .map(AgentInput::of)
            .returns(AgentInput.class)
            .uid(UID + "-measurement-input")
            .name("measurement input")
            .union(status)
            .keyBy(AgentInput::building)
            .connect(registryStream.broadcast(MarketAgentFunction.REGISTRY))
            .process(new MarketAgentFunction(config))
            .uid(UID + "-agent")
            .name("trading agent per building");

    orders.sinkTo(orderSink).uid(UID + "-kafka-sink").name("market-orders → Kafka");
    return orders;
  }

  private <T> WatermarkStrategy<T> eventTime(EventTimeWatermarks.EventTime<T> timestamp) {
    return EventTimeWatermarks.of(
        config.maxOutOfOrderness(), config.idleness(), config.maxEventTimeAhead(), timestamp);
  }

  /** Adds the job with the real Kafka sources and sink to {@code env}. */
  public static DataStream<MarketOrder> wireFromConfig(
      StreamExecutionEnvironment env, JobsConfig cfg, Map<String, String> vars) {
    JobEnvironment.configure(env, cfg);
    String job = MarketAgentsJobConfig.JOB_NAME;
    return new MarketAgentsJob(
            MarketAgentsJobConfig.from(cfg, vars),
            KafkaSources.readings(cfg, job),
            KafkaSources.batteryState(cfg, job),
            // As the dispatch job: the batch's JSON text (JsonNode is no Flink POJO), from the
            // earliest so that a fresh start has the latest forecasts at once.
            KafkaSources.text(
                cfg, Topics.FORECASTS, job + "-forecasts", OffsetsInitializer.earliest()),
            KafkaSources.of(
                cfg,
                Topics.MARKET_ORDER_STATUS,
                OrderUpdate.class,
                job + "-order-status",
                "undecodableOrderStatus"),
            KafkaSources.registry(cfg, job),
            KafkaSinks.to(cfg, Topics.MARKET_ORDERS, MarketOrder::market))
        .build(env);
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> vars = JobsConfig.withArgs(System.getenv(), args);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    wireFromConfig(env, JobsConfig.fromEnv(vars), vars);
    env.execute(MarketAgentsJobConfig.JOB_NAME);
  }
}
