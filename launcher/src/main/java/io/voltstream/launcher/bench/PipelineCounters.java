package io.voltstream.launcher.bench;

import io.voltstream.influx.InfluxClient;
import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.Series;
import io.voltstream.metrics.ConsumerGroupLags;
import io.voltstream.metrics.ConsumerLag.PartitionLag;
import io.voltstream.model.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the pipeline's progress counters: records in Kafka {@code readings} (sum of the partitions'
 * end offsets; ingest's producer is idempotent but not transactional, so offsets count records),
 * the Kafka lag of every job's consumer group (end − committed offset summed over the partitions
 * the group committed, whatever the topic: with a dozen jobs, InfluxDB's points-written counter
 * says nothing about any one job's lag), and the points InfluxDB accepted over HTTP ({@code SHOW
 * STATS} {@code httpd.pointsWrittenOK}, all jobs together; progress lines only).
 */
final class PipelineCounters implements AutoCloseable {
  private static final long TIMEOUT_S = 10;

  /**
   * The counters at one instant; {@code groupLag} holds each job consumer group that committed
   * offsets so far (Flink commits on checkpoints, so it saw-tooths with the checkpoint interval).
   */
  record Snapshot(
      Instant at, long kafkaReadings, Map<String, Long> groupLag, long influxPointsWritten) {
    Snapshot {
      groupLag = Map.copyOf(groupLag);
    }

    /** The largest lag of any job's group (the slowest job), 0 before any commit. */
    long maxGroupLag() {
      return groupLag.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** The group with the largest lag, or "none". */
    String slowestGroup() {
      return groupLag.entrySet().stream()
          .max(Map.Entry.comparingByValue())
          .map(Map.Entry::getKey)
          .orElse("none");
    }
  }

  private final Admin admin;
  private final String groupPrefix;
  private final InfluxClient influx;
  private List<TopicPartition> partitions;

  /**
   * {@code groupPrefix}: the jobs' consumer-group prefix; groups not starting with it are not jobs.
   */
  PipelineCounters(String bootstrapServers, String groupPrefix, InfluxClient influx) {
    Properties props = new Properties();
    props.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.setProperty(AdminClientConfig.CLIENT_ID_CONFIG, "voltstream-bench-counters");
    this.admin = Admin.create(props);
    this.groupPrefix = groupPrefix;
    this.influx = influx;
  }

  Snapshot sample() {
    try {
      Instant at = Instant.now();
      List<TopicPartition> tps = partitions();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      tps.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
      long end = 0;
      for (ListOffsetsResultInfo info :
          admin.listOffsets(latest).all().get(TIMEOUT_S, TimeUnit.SECONDS).values()) {
        end += info.offset();
      }
      Map<String, Long> lags = groupLags();
      return new Snapshot(at, end, lags, influxPointsWritten());
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot read Kafka offsets: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading Kafka offsets", e);
    }
  }

  /** End − committed offsets of every job consumer group, over the partitions it committed. */
  private Map<String, Long> groupLags()
      throws ExecutionException, InterruptedException, TimeoutException {
    Map<String, Long> lags = new TreeMap<>();
    for (PartitionLag p :
        ConsumerGroupLags.read(
            admin, g -> g.startsWith(groupPrefix), Duration.ofSeconds(TIMEOUT_S))) {
      lags.merge(p.group().substring(groupPrefix.length()), p.records(), Long::sum);
    }
    return lags;
  }

  /** Points InfluxDB accepted on {@code /write} since it started. */
  long influxPointsWritten() {
    List<Series> answer = influx.withDatabase(null).query(InfluxQuery.of("SHOW STATS FOR 'httpd'"));
    long total = 0;
    boolean found = false;
    for (Series series : answer) {
      int column = series.column("pointsWrittenOK");
      for (List<Object> row : series.values()) {
        Double written = Series.number(row, column);
        if (written != null) {
          total += written.longValue();
          found = true;
        }
      }
    }
    if (!found) {
      throw new IllegalStateException(
          "InfluxDB SHOW STATS has no httpd pointsWrittenOK: " + answer);
    }
    return total;
  }

  private List<TopicPartition> partitions()
      throws ExecutionException, InterruptedException, TimeoutException {
    if (partitions == null) {
      partitions =
          admin
              .describeTopics(List.of(Topics.READINGS.name()))
              .allTopicNames()
              .get(TIMEOUT_S, TimeUnit.SECONDS)
              .get(Topics.READINGS.name())
              .partitions()
              .stream()
              .map(p -> new TopicPartition(Topics.READINGS.name(), p.partition()))
              .toList();
    }
    return partitions;
  }

  @Override
  public void close() {
    admin.close();
  }
}
