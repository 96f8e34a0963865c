package io.voltstream.jobs.market;

import io.voltstream.jobs.JobEnvironment;
import io.voltstream.jobs.io.EventTimeWatermarks;
import io.voltstream.jobs.io.InfluxSink;
import io.voltstream.jobs.io.JobsConfig;
import io.voltstream.jobs.io.KafkaSinks;
import io.voltstream.jobs.io.KafkaSources;
import io.voltstream.jobs.io.RegistryChange;
import io.voltstream.jobs.roommetrics.RegistryWatermarks;
import io.voltstream.model.SensorReading;
import io.voltstream.model.Topics;
import io.voltstream.model.market.MarketClearing;
import io.voltstream.model.market.MarketOrder;
import io.voltstream.model.market.MarketTrade;
import io.voltstream.model.market.OrderUpdate;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * The P2P market's matching (issue 10 item 4): per market and 15-minute delivery slot, the orders
 * and cancels of Kafka {@code market-orders} go into a book ({@link MarketSlotFunction}) that
 * closes at the slot's gate closure in event time — pay-as-clear markets clear there in one
 * uniform-price auction, pay-as-bid markets trade continuously at the bid's price and expire the
 * rest there. Trades go to Kafka {@code market-trades} and InfluxDB {@code market_trades}, one
 * summary per slot to {@code market-clearing} / {@code market_clearing}, and every change of an
 * order's state to {@code market-order-status} / {@code market_orders}.
 *
 * <p>Topology: orders (event time = {@code submitted_at}) unioned with the readings as a clock
 * (timestamps only: the readings are dropped after their watermark is taken, so the market's clock
 * moves while no order arrives), keyed by {@link #slotKey market and slot}, into {@link
 * MarketSlotFunction} with the registry's markets broadcast. Both event-time inputs ignore idle
 * partitions; the registry is declared idle ({@link RegistryWatermarks}).
 */
public class MarketJob {
  private static final String UID = MarketJobConfig.JOB_NAME;

  private final MarketJobConfig config;
  private final Source<MarketOrder, ?, ?> orders;
  private final Source<SensorReading, ?, ?> clock;
  private final Source<RegistryChange, ?, ?> registry;
  private final Sinks sinks;

  /** Where the job writes; every sink takes the operator's outputs of its kind. */
  public record Sinks(
      Sink<MarketOutput> tradesKafka,
      Sink<MarketOutput> clearingKafka,
      Sink<MarketOutput> orderStatusKafka,
      Sink<MarketOutput> tradesInflux,
      Sink<MarketOutput> clearingInflux,
      Sink<MarketOutput> ordersInflux) {}

  public MarketJob(
      MarketJobConfig config,
      Source<MarketOrder, ?, ?> orders,
      Source<SensorReading, ?, ?> clock,
      Source<RegistryChange, ?, ?> registry,
      Sinks sinks) {
    this.config = Objects.requireNonNull(config, "config");
    this.orders = Objects.requireNonNull(orders, "orders");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.sinks = Objects.requireNonNull(sinks, "sinks");
  }

  /** The key of a slot's book: {@code <market>|<slot start epoch s>}. */
  public static String slotKey(MarketOrder o) {
    return o.market() + "|" + o.deliveryStart().getEpochSecond();
  }

  /** Adds the topology to {@code env}; returns the operator's output. */
  public DataStream<MarketOutput> build(StreamExecutionEnvironment env) {
    DataStream<RegistryChange> registryStream =
        env.fromSource(registry, RegistryWatermarks.<RegistryChange>idle(), "registry")
            .uid(UID + "-registry-source");

    DataStream<MarketOrder> orderStream =
        env.fromSource(orders, eventTime(MarketOrder::submittedAt), "market-orders")
            .uid(UID + "-orders-source");

    // Only the watermark of the readings is wanted: no reading reaches the operator.
    DataStream<MarketOrder> ticks =
        env.fromSource(clock, eventTime(SensorReading::timestamp), "readings-clock")
            .uid(UID + "-clock-source")
            .flatMap((SensorReading r, Collector<MarketOrder> out) -> {})
            .returns(MarketOrder.class)
            .uid(UID + "-clock")
            .name("readings → market clock");

    SingleOutputStreamOperator<MarketOutput> matched =
        orderStream
            .union(ticks)
            .keyBy(MarketJob::slotKey)
            .connect(registryStream.broadcast(MarketSlotFunction.MARKETS))
            .process(new MarketSlotFunction(config))
            .uid(UID + "-match")
            .name("order book per market and slot");

    DataStream<MarketOutput> trades =
        matched.filter(o -> o.trade() != null).uid(UID + "-trades-only").name("trades");
    trades
        .sinkTo(sinks.tradesKafka())
        .uid(UID + "-trades-kafka-sink")
        .name("market-trades → Kafka");
    trades
        .sinkTo(sinks.tradesInflux())
        .uid(UID + "-trades-influx-sink")
        .name("market_trades → InfluxDB");
    DataStream<MarketOutput> clearings =
        matched.filter(o -> o.clearing() != null).uid(UID + "-clearing-only").name("clearings");
    clearings
        .sinkTo(sinks.clearingKafka())
        .uid(UID + "-clearing-kafka-sink")
        .name("market-clearing → Kafka");
    clearings
        .sinkTo(sinks.clearingInflux())
        .uid(UID + "-clearing-influx-sink")
        .name("market_clearing → InfluxDB");
    DataStream<MarketOutput> updates =
        matched.filter(o -> o.order() != null).uid(UID + "-orders-only").name("order updates");
    updates
        .sinkTo(sinks.orderStatusKafka())
        .uid(UID + "-order-status-kafka-sink")
        .name("market-order-status → Kafka");
    updates
        .sinkTo(sinks.ordersInflux())
        .uid(UID + "-orders-influx-sink")
        .name("market_orders → InfluxDB");
    return matched;
  }

  private <T> WatermarkStrategy<T> eventTime(EventTimeWatermarks.EventTime<T> timestamp) {
    return EventTimeWatermarks.of(
        config.maxOutOfOrderness(), config.idleness(), config.maxEventTimeAhead(), timestamp);
  }

  /** Adds the job with the real Kafka sources and sinks and the InfluxDB sinks to {@code env}. */
  public static DataStream<MarketOutput> wireFromConfig(
      StreamExecutionEnvironment env, JobsConfig cfg, Map<String, String> vars) {
    JobEnvironment.configure(env, cfg);
    String job = MarketJobConfig.JOB_NAME;
    return new MarketJob(
            MarketJobConfig.from(cfg, vars),
            KafkaSources.of(
                cfg, Topics.MARKET_ORDERS, MarketOrder.class, job + "-orders", "undecodableOrders"),
            clockSource(cfg, job),
            KafkaSources.registry(cfg, job),
            new Sinks(
                KafkaSinks.mapped(
                    cfg, Topics.MARKET_TRADES, MarketOutput::trade, MarketTrade::market),
                KafkaSinks.mapped(
                    cfg, Topics.MARKET_CLEARING, MarketOutput::clearing, MarketClearing::market),
                KafkaSinks.mapped(
                    cfg, Topics.MARKET_ORDER_STATUS, MarketOutput::order, OrderUpdate::orderId),
                InfluxSink.fromConfig(cfg, MarketPoints::trade),
                InfluxSink.fromConfig(cfg, MarketPoints::clearing),
                InfluxSink.fromConfig(cfg, MarketPoints::order)))
        .build(env);
  }

  /**
   * The readings as the market's clock. A new consumer group starts at the latest reading: the
   * clock needs the present, and replaying the readings' history would race the watermark ahead of
   * the orders' history.
   */
  static KafkaSource<SensorReading> clockSource(JobsConfig cfg, String job) {
    return KafkaSources.readingsBuilder(cfg, job + "-clock")
        .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.LATEST))
        .build();
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> vars = JobsConfig.withArgs(System.getenv(), args);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    wireFromConfig(env, JobsConfig.fromEnv(vars), vars);
    env.execute(MarketJobConfig.JOB_NAME);
  }
}
