package io.voltstream.jobs.roommetrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A Sink V2 that collects into JVM memory, for MiniCluster tests (the MiniCluster runs in the test
 * JVM). Each instance has its own list, looked up by id because the sink itself is serialised.
 */
public final class CollectSink<T> implements Sink<T> {

  private static final Map<String, List<Object>> RESULTS = new ConcurrentHashMap<>();
  private final String id = UUID.randomUUID().toString();

  public CollectSink() {
    RESULTS.put(id, new CopyOnWriteArrayList<>());
  }

  @SuppressWarnings("unchecked")
  public List<T> values() {
    return new ArrayList<>((List<T>) (List<?>) RESULTS.get(id));
  }

  /** Forgets the collected values (call in teardown). */
  public void clear() {
    RESULTS.remove(id);
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    List<Object> target = RESULTS.get(id);
    return new SinkWriter<>() {
      @Override
      public void write(T element, Context ctx) {
        target.add(element);
      }

      @Override
      public void flush(boolean endOfInput) {}

      @Override
      public void close() {}
    };
  }
}
