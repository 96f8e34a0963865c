package io.voltstream.energy.market.bench;

import io.voltstream.energy.market.Match;
import io.voltstream.energy.market.Order;
import io.voltstream.energy.market.OrderBook;
import io.voltstream.energy.market.OrderSide;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Pay-as-bid continuous matching throughput, scores in <b>orders per second</b>:
 *
 * <ul>
 *   <li>{@code submit10000Orders}: 10,000 orders submitted one by one into an empty book; 43 %
 *       trade on arrival (7,787 trades, often against several resting orders), 2,210 rest at the
 *       end.
 *   <li>{@code cancelAndReplace1000Orders}: agents' cancel-and-replace on a book of 1,000 resting
 *       orders: each operation cancels one resting order and submits its replacement.
 *   <li>{@code rebuildFromStateAndSubmit}: the cost if a Flink operator rebuilt a 100-order book
 *       from its state ({@link OrderBook#of}) for every arriving order.
 * </ul>
 *
 * Not a test; run through {@link MarketBenchmarks}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(1)
public class OrderBookBenchmark {
  private List<Order> stream;
  private List<Order> resting1000;
  private List<Order> replacements;
  private List<Order> resting100;
  private Order arriving;

  @Setup
  public void setUp() {
    stream = BenchmarkOrders.generate(10_000, 4);
    resting1000 = restingBook(1_000, 5);
    replacements = resting1000.stream().map(o -> o.withEnergyKwh(o.energyKwh() + 0.1)).toList();
    resting100 = restingBook(100, 6);
    // a 2 kWh bid at 0.25 €/kWh: crosses the cheaper offers of the book
    Order template = resting100.get(0);
    arriving =
        new Order(
            "arriving", "b0", OrderSide.BUY, 2.0, 0.25, template.submittedAt().plusSeconds(3_600));
  }

  /** A book of {@code size} resting orders, grown by submitting random orders until it has them. */
  private static List<Order> restingBook(int size, long seed) {
    OrderBook book = new OrderBook();
    for (Order order : BenchmarkOrders.generate(50 * size, seed)) {
      book.submit(order);
      if (book.size() == size) {
        return book.resting();
      }
    }
    throw new IllegalStateException("only " + book.size() + " orders rest, wanted " + size);
  }

  @Benchmark
  @OperationsPerInvocation(10_000)
  public int submit10000Orders() {
    OrderBook book = new OrderBook();
    int trades = 0;
    for (Order order : stream) {
      trades += book.submit(order).size();
    }
    return trades;
  }

  @Benchmark
  @OperationsPerInvocation(1_000)
  public OrderBook cancelAndReplace1000Orders() {
    OrderBook book = OrderBook.of(resting1000);
    for (Order replacement : replacements) {
      book.cancel(replacement.id());
      book.submit(replacement);
    }
    return book;
  }

  @Benchmark
  public List<Match> rebuildFromStateAndSubmit() {
    return OrderBook.of(resting100).submit(arriving);
  }
}
