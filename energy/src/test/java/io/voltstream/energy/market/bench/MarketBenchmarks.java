package io.voltstream.energy.market.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the market benchmarks ({@link UniformPriceAuctionBenchmark}, {@link OrderBookBenchmark}):
 * single thread, one fork, 3 × 1 s warm-up and 4 × 1 s measurement each (about a minute in all).
 * JMH command-line options in {@code args} override those (e.g. {@code -f 2 -i 5}). The command is
 * in the energy README.
 */
public final class MarketBenchmarks {
  private MarketBenchmarks() {}

  public static void main(String[] args) throws RunnerException, CommandLineOptionException {
    new Runner(
            new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(MarketBenchmarks.class.getPackageName() + "\\..*Benchmark")
                .threads(1)
                .build())
        .run();
  }
}
