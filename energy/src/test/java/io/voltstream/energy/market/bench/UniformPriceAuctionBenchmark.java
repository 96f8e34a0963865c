package io.voltstream.energy.market.bench;

import io.voltstream.energy.market.ClearingResult;
import io.voltstream.energy.market.Order;
import io.voltstream.energy.market.UniformPriceAuction;
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
 * Pay-as-clear throughput: one gate-closure clearing of a book of 100, 1,000 and 10,000 orders
 * (sort both sides, walk, price, remainders). Scores are <b>orders per second</b> (each invocation
 * counts as its book size). Not a test; run through {@link MarketBenchmarks}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(1)
public class UniformPriceAuctionBenchmark {
  private List<Order> book100;
  private List<Order> book1000;
  private List<Order> book10000;

  @Setup
  public void setUp() {
    book100 = BenchmarkOrders.generate(100, 1);
    book1000 = BenchmarkOrders.generate(1_000, 2);
    book10000 = BenchmarkOrders.generate(10_000, 3);
  }

  @Benchmark
  @OperationsPerInvocation(100)
  public ClearingResult clear100Orders() {
    return UniformPriceAuction.clear(book100);
  }

  @Benchmark
  @OperationsPerInvocation(1_000)
  public ClearingResult clear1000Orders() {
    return UniformPriceAuction.clear(book1000);
  }

  @Benchmark
  @OperationsPerInvocation(10_000)
  public ClearingResult clear10000Orders() {
    return UniformPriceAuction.clear(book10000);
  }
}
