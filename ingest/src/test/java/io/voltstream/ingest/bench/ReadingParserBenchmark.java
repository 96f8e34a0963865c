package io.voltstream.ingest.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.voltstream.ingest.mapping.ParseResult;
import io.voltstream.ingest.mapping.ReadingParser;
import io.voltstream.ingest.mapping.ReadingTestData;
import io.voltstream.model.Json;
import io.voltstream.model.SensorReading;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * CPU cost of ingest's pure path per MQTT message: parsing and validating the design's 7-metric
 * reading, a 50-reading batch, a malformed payload, and parse + the Kafka JSON encoding of the
 * result. Not a test; run by hand (see the module README).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReadingParserBenchmark {
  private static final Instant RECEIVED_AT = ReadingTestData.RECEIVED_AT;
  private byte[] single;
  private byte[] batch50;
  private byte[] malformed;

  @Setup
  public void setUp() {
    single = ReadingTestData.bytes(ReadingTestData.validReading());
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (int i = 0; i < 50; i++) {
      ObjectNode reading = ReadingTestData.validReading();
      reading.put("timestamp", ReadingTestData.MEASURED_AT.plusSeconds(i).toEpochMilli());
      array.add(reading);
    }
    batch50 = ReadingTestData.bytes(array);
    malformed =
        "{\"sensor_id\": \"kitchen-meter\", \"power\": {\"value\": NaN, \"unit\": \"W\"}}"
            .getBytes(StandardCharsets.UTF_8);
  }

  @Benchmark
  public ParseResult singleReading() {
    return ReadingParser.parse(ReadingTestData.TOPIC, single, RECEIVED_AT);
  }

  @Benchmark
  public ParseResult batchOf50Readings() {
    return ReadingParser.parse(ReadingTestData.TOPIC, batch50, RECEIVED_AT);
  }

  @Benchmark
  public ParseResult malformedPayload() {
    return ReadingParser.parse(ReadingTestData.TOPIC, malformed, RECEIVED_AT);
  }

  @Benchmark
  public int singleReadingParsedAndEncoded() throws Exception {
    int bytes = 0;
    for (SensorReading reading :
        ReadingParser.parse(ReadingTestData.TOPIC, single, RECEIVED_AT).readings()) {
      bytes += Json.MAPPER.writeValueAsBytes(reading).length;
    }
    return bytes;
  }

  public static void main(String[] args) throws RunnerException {
    new Runner(new OptionsBuilder().include(ReadingParserBenchmark.class.getSimpleName()).build())
        .run();
  }
}
