package io.voltstream.launcher.bench;

import io.voltstream.influx.InfluxClient;
import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.Series;
import io.voltstream.model.Topics;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the pipeline's progress counters: records in Kafka {@code readings} (sum of the partitions'
 * end offsets; ingest's producer is idempotent but not transactional, so offsets count records),
 * the raw-readings job's committed offsets, and the points InfluxDB accepted over HTTP ({@code SHOW
 * STATS} {@code httpd.pointsWrittenOK}, which also counts the few room-metric and event points).
 */
final class PipelineCounters implements AutoCloseable {
  private static final long TIMEOUT_S = 10;

  /**
   * The counters at one instant; {@code committedReadings} is −1 before the group's first commit.
   */
  record Snapshot(
      Instant at, long kafkaReadings, long committedReadings, long influxPointsWritten) {}

  private final Admin admin;
  private final String group;
  private final InfluxClient influx;
  private List<TopicPartition> partitions;

  PipelineCounters(String bootstrapServers, String group, InfluxClient influx) {
    Properties props = new Properties();
    props.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.setProperty(AdminClientConfig.CLIENT_ID_CONFIG, "voltstream-bench-counters");
    this.admin = Admin.create(props);
    this.group = group;
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
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get(TIMEOUT_S, TimeUnit.SECONDS);
      long committedSum = -1;
      for (TopicPartition tp : tps) {
        OffsetAndMetadata om = committed.get(tp);
        if (om != null) {
          committedSum = Math.max(committedSum, 0) + om.offset();
        }
      }
      return new Snapshot(at, end, committedSum, influxPointsWritten());
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot read Kafka offsets: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading Kafka offsets", e);
    }
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
