package io.voltstream.api.bench;

import io.javalin.Javalin;
import io.voltstream.api.ApiConfig;
import io.voltstream.api.ApiDependencies;
import io.voltstream.api.ApiServer;
import io.voltstream.api.auth.Role;
import io.voltstream.api.query.JsonResponseCache;
import io.voltstream.api.query.QueryConfig;
import io.voltstream.influx.InfluxClient;
import io.voltstream.influx.LinePoint;
import io.voltstream.influx.Schema;
import io.voltstream.infra.EmbeddedKafka;
import io.voltstream.infra.InfluxServer;
import io.voltstream.infra.TopicProvisioner;
import io.voltstream.model.Json;
import io.voltstream.model.Room;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import io.voltstream.model.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * API benchmark (a program, not a test): starts Kafka and influxd locally, pre-writes 48 h of
 * one-minute room metrics for {@code --rooms} rooms (default 200), starts the API in this JVM, then
 * measures
 *
 * <ol>
 *   <li>REST, open loop only: {@code GET /api/v1/rooms/{name}/data} at {@code --rest-rate}
 *       requests/s in total (default 2,000) over {@code --clients} keep-alive connections, with the
 *       cold-cache mix of {@link RoomDataMix} ({@code --hot-share} of the requests to ten dashboard
 *       URLs, default 0.2): p50/p99 from each request's due time with failures counted, achieved
 *       requests/s and the response cache's hit rate (the server's own counters);
 *   <li>WebSocket fan-out: push latency from Kafka publish (the reading's {@code ingested_at}) to
 *       receipt, with M sessions open (default 1,000), each subscribed to the published room. (MQTT
 *       publish → WebSocket under load is measured by {@code ./voltstream bench}.)
 * </ol>
 *
 * Options: {@code --clients=200 --rest-rate=2000 --rest-seconds=20 --warmup-seconds=5 --rooms=200
 * --hot-share=0.2 --sessions=1000 --ws-rate=20 --ws-seconds=20 --gzip=true}. Clients and server
 * share this machine's CPUs, so the REST clients are raw keep-alive sockets (like wrk); with {@code
 * --gzip=true} they send {@code Accept-Encoding: gzip} and count the compressed answer without
 * inflating it.
 */
public final class ApiBenchmark {

  private static final double TARGET_RATE = 2_000;
  private static final long TARGET_P99_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
  private static final Duration SEND_GRACE = Duration.ofSeconds(10);

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new HashMap<>();
    for (String a : args) {
      String[] kv = a.replaceFirst("^--", "").split("=", 2);
      opts.put(kv[0], kv.length > 1 ? kv[1] : "true");
    }
    int clients = Integer.parseInt(opts.getOrDefault("clients", "200"));
    int restSeconds = Integer.parseInt(opts.getOrDefault("rest-seconds", "20"));
    // Open loop only: N requests/s in total, latency from each request's due time. A closed loop
    // (clients waiting for answers) hides a stalled server behind fewer requests: issue 13.
    double restRate = Double.parseDouble(opts.getOrDefault("rest-rate", "2000"));
    if (!(restRate > 0)) {
      throw new IllegalArgumentException("--rest-rate must be > 0 (open loop only)");
    }
    int rooms = Integer.parseInt(opts.getOrDefault("rooms", "200"));
    double hotShare = Double.parseDouble(opts.getOrDefault("hot-share", "0.2"));
    int warmupSeconds = Integer.parseInt(opts.getOrDefault("warmup-seconds", "5"));
    int sessions = Integer.parseInt(opts.getOrDefault("sessions", "1000"));
    int wsRate = Integer.parseInt(opts.getOrDefault("ws-rate", "20"));
    int wsSeconds = Integer.parseInt(opts.getOrDefault("ws-seconds", "20"));
    boolean gzip = Boolean.parseBoolean(opts.getOrDefault("gzip", "true"));

    Path dir = Files.createTempDirectory(Path.of("target"), "api-bench-");
    try (EmbeddedKafka kafka = EmbeddedKafka.builder().dataDir(dir.resolve("kafka")).start();
        InfluxServer influx = InfluxServer.start(dir.resolve("influx"), 0)) {
      TopicProvisioner.ensureStandardTopics(kafka.bootstrapServers(), 2);
      InfluxClient bench = new InfluxClient(URI.create(influx.url()), "bench");
      bench.createDatabase();
      Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES);
      Instant start = end.minus(48, ChronoUnit.HOURS);
      writeHistory(bench, start, end, rooms);

      ApiConfig config =
          ApiConfig.fromEnv(
              Map.of(
                  ApiConfig.PORT,
                  "0",
                  ApiConfig.KAFKA_BOOTSTRAP,
                  kafka.bootstrapServers(),
                  ApiConfig.INFLUX_URL,
                  influx.url(),
                  ApiConfig.INFLUX_DB,
                  "bench",
                  ApiConfig.RATE_LIMIT_RPS,
                  "0",
                  ApiConfig.DATA_DIR,
                  dir.resolve("api").toString()));
      ApiDependencies deps = ApiDependencies.inMemory(config, Clock.systemUTC());
      for (int r = 0; r < rooms; r++) {
        deps.registry().createRoom(new Room("room-" + r, null, 20.0));
      }
      QueryConfig queryConfig = QueryConfig.fromEnv(System.getenv());
      ApiServer server =
          new ApiServer(
              deps.withQueryConfig(queryConfig)
                  .withInflux(new InfluxClient(URI.create(influx.url()), "bench")::query)
                  .withLiveFeed(kafka.bootstrapServers()));
      Javalin app = server.app().start("127.0.0.1", 0);
      String token = deps.jwt().issue("bench", Role.VIEWER, List.of(), Duration.ofHours(2)).token();
      try {
        System.out.printf(
            "API on port %d; cache TTL %d ms; %d rooms × 2,880 windows (48 h) pre-written; mix:"
                + " %.0f %% to %d dashboard URLs, the rest cold (random room, span, end and"
                + " resolution)%n",
            app.port(),
            queryConfig.cacheTtl().toMillis(),
            rooms,
            100 * hotShare,
            RoomDataMix.HOT_KEYS);
        Map<String, Long> cpu0 = cpuByRole();
        rest(
            app.port(),
            token,
            server,
            new RoomDataMixFactory(rooms, start, end, hotShare, 42),
            clients,
            warmupSeconds,
            restSeconds,
            gzip,
            restRate);
        Map<String, Long> cpu1 = cpuByRole();
        printCpu("REST phase", cpu0, cpu1);
        server.feed().orElseThrow().awaitAssigned(Duration.ofSeconds(30));
        websocket(app.port(), token, kafka.bootstrapServers(), sessions, wsRate, wsSeconds);
        printCpu("WebSocket phase", cpu1, cpuByRole());
      } finally {
        app.stop();
        server.close();
      }
    } finally {
      try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
    // Some client library leaves a non-daemon thread behind (seen: the process stayed after the
    // last line); a benchmark program ends when it has printed its figures.
    System.exit(0);
  }

  private static void writeHistory(InfluxClient influx, Instant start, Instant end, int rooms) {
    var m = Schema.ROOM_METRICS;
    List<String> lines = new ArrayList<>();
    for (int r = 0; r < rooms; r++) {
      for (Instant t = start; t.isBefore(end); t = t.plus(1, ChronoUnit.MINUTES)) {
        double p = 400 + 300 * Math.sin(t.getEpochSecond() / 3600.0 + r);
        lines.add(
            LinePoint.of(m)
                .tag(m.room, "room-" + r)
                .tag(m.building, "default")
                .field(m.energyKwh, p / 60_000)
                .field(m.powerAvgW, p)
                .field(m.powerMaxW, p * 1.2)
                .field(m.co2AvgPpm, 600.0 + r)
                .field(m.temperatureAvgC, 21.5)
                .field(m.humidityAvgPercent, 40.0)
                .field(m.generationKwh, 0.0)
                .field(m.sampleCount, 12)
                .time(t)
                .toLine());
      }
      influx.write(lines);
      lines.clear();
    }
  }

  /**
   * Open loop: request {@code i} is due at {@code start + i / rate}, whatever happened to the
   * earlier ones; client {@code c} of {@code clients} keep-alive connections sends requests {@code
   * c, c + clients, …}. Latency is measured from the due time, so a stalled server shows up in the
   * percentiles instead of slowing the clients down (no coordinated omission). A request still not
   * sent {@link #SEND_GRACE} after the measurement ends, or answered with an error, counts as a
   * failure and ranks above every answered one.
   */
  private static void rest(
      int port,
      String token,
      ApiServer server,
      RoomDataMixFactory mixes,
      int clients,
      int warmupSeconds,
      int seconds,
      boolean gzip,
      double rate)
      throws Exception {
    long intervalNanos = (long) (1e9 / rate);
    long startAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
    long warmupEnd = startAt + TimeUnit.SECONDS.toNanos(warmupSeconds);
    long measureEnd = warmupEnd + TimeUnit.SECONDS.toNanos(seconds);
    long giveUpAt = measureEnd + SEND_GRACE.toNanos();
    long[][] latencies = new long[clients][];
    int[] counts = new int[clients];
    AtomicLong errors = new AtomicLong();
    AtomicLong notSent = new AtomicLong();
    AtomicLong bytes = new AtomicLong();
    AtomicLong clientCpuNanos = new AtomicLong();
    JsonResponseCache.Stats[] cacheAtStart = new JsonResponseCache.Stats[1];
    CountDownLatch done = new CountDownLatch(clients);
    for (int c = 0; c < clients; c++) {
      int id = c;
      RoomDataMix mix = mixes.forClient(id);
      Thread t =
          new Thread(
              () -> {
                long[] mine = new long[1 << 12];
                int n = 0;
                // Like wrk/ab: a raw keep-alive connection; with gzip the answer is counted, not
                // inflated.
                RawHttpClient http =
                    gzip
                        ? new RawHttpClient(
                            "127.0.0.1",
                            port,
                            "Authorization: Bearer " + token,
                            "Accept-Encoding: gzip")
                        : new RawHttpClient("127.0.0.1", port, "Authorization: Bearer " + token);
                for (long due = startAt + intervalNanos * id;
                    due < measureEnd;
                    due += intervalNanos * clients) {
                  String path = mix.next();
                  long wait = due - System.nanoTime();
                  if (wait > 0) {
                    LockSupport.parkNanos(wait);
                  }
                  if (System.nanoTime() > giveUpAt) {
                    if (due >= warmupEnd) {
                      notSent.incrementAndGet();
                    }
                    continue;
                  }
                  try {
                    long[] r = http.get(path);
                    long t1 = System.nanoTime();
                    if (due < warmupEnd) {
                      continue;
                    }
                    if (r[0] != 200) {
                      errors.incrementAndGet();
                    } else {
                      if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                      }
                      mine[n++] = t1 - due;
                      bytes.addAndGet(r[1]);
                    }
                  } catch (Exception e) {
                    if (due >= warmupEnd) {
                      errors.incrementAndGet();
                    }
                    http.close(); // reconnect on the next request
                  }
                }
                http.close();
                clientCpuNanos.addAndGet(
                    java.lang.management.ManagementFactory.getThreadMXBean()
                        .getCurrentThreadCpuTime());
                latencies[id] = mine;
                counts[id] = n;
                done.countDown();
              },
              "bench-rest-" + c);
      t.setDaemon(true);
      t.start();
    }
    LockSupport.parkNanos(warmupEnd - System.nanoTime());
    cacheAtStart[0] = server.roomDataCacheStats();
    done.await();
    JsonResponseCache.Stats cache = server.roomDataCacheStats().minus(cacheAtStart[0]);
    long ok = Arrays.stream(counts).asLongStream().sum();
    long[] all = new long[(int) ok];
    int k = 0;
    for (int c = 0; c < clients; c++) {
      System.arraycopy(latencies[c], 0, all, k, counts[c]);
      k += counts[c];
    }
    Arrays.sort(all);
    long failures = errors.get() + notSent.get();
    long scheduled = ok + failures;
    String p50 = pctOrFailure(all, failures, 0.50);
    String p99 = pctOrFailure(all, failures, 0.99);
    System.out.printf(
        "REST /rooms/{name}/data, open loop at %,.0f req/s (%d connections, gzip %s, %d s after a"
            + " %d s warm-up): %,d requests due, %,d answered 200 (%,.0f req/s), %,d errors, %,d"
            + " not sent in time; latency from the due time p50 %s, p99 %s, max %s; %.0f KB per"
            + " answer; response cache %,d hits / %,d misses = hit rate %.1f %%%n",
        rate,
        clients,
        gzip,
        seconds,
        warmupSeconds,
        scheduled,
        ok,
        ok / (double) seconds,
        errors.get(),
        notSent.get(),
        p50,
        p99,
        all.length == 0 ? "n/a" : String.format("%.1f ms", all[all.length - 1] / 1e6),
        ok == 0 ? 0 : bytes.get() / 1024.0 / ok,
        cache.hits(),
        cache.misses(),
        100 * cache.hitRate());
    boolean met =
        ok / (double) seconds >= TARGET_RATE * 0.99
            && rate >= TARGET_RATE
            && withinTarget(all, failures, 0.99, TARGET_P99_NANOS);
    System.out.printf(
        "VERDICT API: %s (target p99 <= 50 ms at >= %,d req/s open loop with a cold-cache mix)%n",
        met ? "PASS" : "FAIL", (long) TARGET_RATE);
    System.out.printf(
        "REST load-generator threads used %.1f CPU s (incl. warm-up)%n",
        clientCpuNanos.get() / 1e9);
  }

  /** Nearest-rank percentile with {@code failures} ranked above every answer. */
  private static String pctOrFailure(long[] sortedNanos, long failures, double q) {
    long total = sortedNanos.length + failures;
    if (total == 0) {
      return "n/a";
    }
    long rank = Math.max(1, (long) Math.ceil(q * total));
    return rank <= sortedNanos.length
        ? String.format("%.1f ms", sortedNanos[(int) rank - 1] / 1e6)
        : "failed (a failure at this rank)";
  }

  private static boolean withinTarget(long[] sortedNanos, long failures, double q, long limit) {
    long total = sortedNanos.length + failures;
    long rank = Math.max(1, (long) Math.ceil(q * total));
    return total > 0 && rank <= sortedNanos.length && sortedNanos[(int) rank - 1] <= limit;
  }

  /** One deterministic request mix per client. */
  private record RoomDataMixFactory(
      int rooms, Instant start, Instant end, double hotShare, long seed) {
    RoomDataMix forClient(int client) {
      return new RoomDataMix(rooms, start, end, hotShare, seed * 1_000_003L + client);
    }
  }

  private static void websocket(
      int port, String token, String bootstrap, int sessions, int rate, int seconds)
      throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    List<WebSocket> sockets = new ArrayList<>();
    List<Receiver> receivers = new ArrayList<>();
    URI uri = URI.create("ws://127.0.0.1:" + port + "/ws?token=" + token);
    long openStart = System.nanoTime();
    for (int i = 0; i < sessions; i++) {
      Receiver rcv = new Receiver();
      receivers.add(rcv);
      sockets.add(http.newWebSocketBuilder().buildAsync(uri, rcv).join());
    }
    for (int i = 0; i < sessions; i++) {
      receivers.get(i).subscribed.get(30, TimeUnit.SECONDS);
    }
    System.out.printf(
        "WebSocket: %d sessions open and subscribed in %.1f s%n",
        sessions, (System.nanoTime() - openStart) / 1e9);

    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    int messages = rate * seconds;
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
      producer.partitionsFor(Topics.READINGS.name()); // metadata fetched before the clock starts
      long period = TimeUnit.SECONDS.toNanos(1) / rate;
      long next = System.nanoTime();
      int warmup = rate * 2;
      for (int i = -warmup; i < messages; i++) {
        LockSupport.parkNanos(next - System.nanoTime()); // pace the publisher
        next += period;
        // The first two seconds warm the path up (JIT, first fetches); receivers do not count them.
        String sensor = (i < 0 ? "warmup-s" : "bench-s") + (Math.abs(i) % 50);
        Instant now = Instant.now();
        SensorReading r =
            new SensorReading(
                sensor,
                now,
                "bench-room",
                SensorType.POWER,
                null,
                (double) i,
                null,
                null,
                null,
                null,
                null,
                now);
        producer.send(
            new ProducerRecord<>(
                Topics.READINGS.name(), sensor, Json.MAPPER.writeValueAsString(r)));
      }
      producer.flush();
    }
    long expected = (long) messages * sessions;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    long received = 0;
    long stableSince = System.nanoTime();
    while (System.nanoTime() < deadline) {
      long now = receivers.stream().mapToLong(Receiver::count).sum();
      if (now != received) {
        received = now;
        stableSince = System.nanoTime();
      } else if (System.nanoTime() - stableSince > TimeUnit.SECONDS.toNanos(3) || now >= expected) {
        break;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100)); // poll interval
    }
    long total = receivers.stream().mapToLong(Receiver::count).sum();
    long[] all = new long[(int) total];
    int k = 0;
    long errorsSeen = 0;
    for (Receiver r : receivers) {
      synchronized (r) {
        System.arraycopy(r.latencies, 0, all, k, r.n);
        k += r.n;
        errorsSeen += r.errors;
      }
    }
    Arrays.sort(all);
    System.out.printf(
        "WebSocket push %d sessions, %d msg/s for %d s: delivered %d of %d (%.2f%%), latency p50"
            + " %.1f ms, p99 %.1f ms, max %.1f ms, overload errors %d%n",
        sessions,
        rate,
        seconds,
        total,
        expected,
        100.0 * total / expected,
        pct(all, 0.5) / 1e3,
        pct(all, 0.99) / 1e3,
        all.length == 0 ? 0 : all[all.length - 1] / 1e3,
        errorsSeen);
    for (WebSocket ws : sockets) {
      ws.abort();
    }
  }

  /**
   * CPU time [ns] of live threads by role: API server, load-generating clients, Kafka broker,
   * other.
   */
  private static Map<String, Long> cpuByRole() {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    Map<String, Long> out = new HashMap<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      long ns = mx.getThreadCpuTime(t.getId());
      if (ns < 0) {
        continue;
      }
      String n = t.getName();
      String role =
          n.startsWith("JettyServerThreadPool") || n.startsWith("voltstream-live")
              ? "api"
              : n.startsWith("bench-rest") || n.startsWith("HttpClient") || n.equals("main")
                  ? "clients"
                  : n.contains("kafka")
                          || n.contains("quorum")
                          || n.contains("raft")
                          || n.contains("broker")
                      ? "kafka"
                      : "other";
      out.merge(role, ns, Long::sum);
    }
    return out;
  }

  private static void printCpu(String phase, Map<String, Long> before, Map<String, Long> after) {
    StringBuilder sb = new StringBuilder(phase).append(" CPU [s] (threads alive at the end):");
    for (String role : List.of("api", "clients", "kafka", "other")) {
      long d = after.getOrDefault(role, 0L) - before.getOrDefault(role, 0L);
      sb.append(' ').append(role).append(' ').append(String.format("%.1f", Math.max(0, d) / 1e9));
    }
    System.out.println(sb);
  }

  private static double pct(long[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
  }

  /** Records push latency (µs) from the reading's {@code ingested_at}, set at publish time. */
  private static final class Receiver implements WebSocket.Listener {
    final CompletableFuture<Void> subscribed = new CompletableFuture<>();
    long[] latencies = new long[1024];
    int n;
    long errors;
    private final StringBuilder partial = new StringBuilder();

    synchronized long count() {
      return n;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        long nowMicros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        if (text.startsWith("{\"type\":\"welcome\"")) {
          ws.sendText(
              "{\"action\":\"subscribe\",\"rooms\":[\"bench-room\"],\"streams\":[\"readings\"]}",
              true);
        } else if (text.startsWith("{\"type\":\"subscribed\"")) {
          subscribed.complete(null);
        } else if (text.startsWith("{\"type\":\"reading\"")
            && !text.contains("\"sensor_id\":\"warmup-")) {
          int i = text.indexOf("\"ingested_at\":\"");
          if (i >= 0) {
            int j = text.indexOf('"', i + 15);
            Instant sent = Instant.parse(text.substring(i + 15, j));
            long lat = nowMicros - ChronoUnit.MICROS.between(Instant.EPOCH, sent);
            synchronized (this) {
              if (n == latencies.length) {
                latencies = Arrays.copyOf(latencies, n * 2);
              }
              latencies[n++] = lat;
            }
          }
        } else if (text.startsWith("{\"type\":\"error\"")) {
          synchronized (this) {
            errors++;
          }
        }
      }
      ws.request(1);
      return null;
    }
  }
}
