package io.voltstream.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Debian {@code mosquitto} MQTT broker run as a child process of this JVM (never daemonised, so
 * we own the pid), listening on 127.0.0.1 with persistence under its dir. Tuned for ingest bursts:
 * 1000 in-flight and 1,000,000 queued messages per client. Persistence is saved after every change
 * by default ({@link Autosave#ON_EVERY_CHANGE}), so a QoS 1 message queued for an absent or busy
 * subscriber survives a kill -9 of the broker unless the kill lands within the save that follows
 * its PUBACK (see {@link Autosave}).
 *
 * <pre>{@code
 * try (MosquittoBroker mqtt = MosquittoBroker.start(Path.of("var/mosquitto"), 1883)) {
 *   connect(mqtt.serverUri());
 * }
 * }</pre>
 */
public final class MosquittoBroker implements AutoCloseable {
  static final String INSTALL_HINT = "sudo apt-get install -y mosquitto";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(MosquittoBroker.class);

  /**
   * When mosquitto 2.0 writes its in-memory database (sessions, subscriptions, queued messages) to
   * {@code mosquitto.db}. It has no write-ahead log: each save rewrites the whole file (new file,
   * fsync, rename), and a kill -9 loses whatever changed since the last completed save. Messages
   * handed straight to an online subscriber's in-flight window are in the subscriber's hands; the
   * ones at risk are those queued for an absent or busy subscriber. Figures: ingest README.
   */
  public enum Autosave {
    /**
     * {@code autosave_interval 1} (the default): a save every 2 s at most (mosquitto compares whole
     * seconds with {@code <}), whatever changed. A kill -9 loses the messages queued in the last ≤
     * 2 s plus the save in progress; the cost is one full save per 2 s.
     */
    EVERY_SECOND("autosave_on_changes false\nautosave_interval 1\n"),
    /**
     * {@code autosave_on_changes true} + {@code autosave_interval 1}: a save at the end of every
     * event-loop iteration that queued a message, moved one from the queue to a subscriber,
     * (un)subscribed or connected a persistent session. The PUBACK goes out inside the iteration,
     * before the save, so a kill -9 loses only what was acknowledged in the iteration whose save it
     * interrupts (milliseconds). The cost: while anything is queued, one full save per message in
     * and per message out, so the broker slows to about 1 / save time per connection (tens of
     * messages per second with a few thousand queued on this box).
     */
    ON_EVERY_CHANGE("autosave_on_changes true\nautosave_interval 1\n");

    private final String configLines;

    Autosave(String configLines) {
      this.configLines = configLines;
    }
  }

  private final Path dir;
  private final int port;
  private final ManagedProcess process;

  private MosquittoBroker(Path dir, int port, ManagedProcess process) {
    this.dir = dir;
    this.port = port;
    this.process = process;
  }

  /**
   * Starts mosquitto on {@code port} (0 = a free port) with its config, persistence and log in
   * {@code dir}.
   *
   * @throws InfraException if the binary is missing (the message says how to install it), the port
   *     is taken or the broker does not come up; the message ends with its log
   */
  public static MosquittoBroker start(Path dir, int port) {
    return start(dir, port, null, Autosave.EVERY_SECOND);
  }

  /** As {@link #start(Path, int)}, with the given persistence {@code autosave} policy. */
  public static MosquittoBroker start(Path dir, int port, Autosave autosave) {
    return start(dir, port, null, autosave);
  }

  /**
   * Like {@link #start(Path, int)}, with device authentication when {@code auth} is not null: no
   * anonymous clients, accounts and ACLs from mosquitto's dynamic security plugin, its file {@code
   * dir/dynamic-security.json} created on the first start with only {@code auth}'s admin (see
   * {@link MosquittoAuth}). A later start keeps the file and the accounts created over MQTT; the
   * admin password of the first start stays valid.
   *
   * @throws InfraException also when the plugin is not installed
   */
  public static MosquittoBroker start(Path dir, int port, MosquittoAuth auth) {
    return start(dir, port, auth, Autosave.EVERY_SECOND);
  }

  /** With device authentication ({@code auth}, may be null) and a persistence policy. */
  public static MosquittoBroker start(Path dir, int port, MosquittoAuth auth, Autosave autosave) {
    Path binary = Binaries.require("mosquitto", INSTALL_HINT);
    Path absDir = dir.toAbsolutePath();
    // A broker a killed JVM left running on this dir holds the port and the queued sessions: stop
    // it gracefully (it saves its persistence file) and start ours over the same data.
    ManagedProcess.stopLeftover(
        "mosquitto",
        List.of(binary.toString(), "-c", absDir.resolve("mosquitto.conf").toString()),
        STOP_GRACE);
    int attempts = port == 0 ? 3 : 1;
    InfraException last = null;
    for (int attempt = 0; attempt < attempts; attempt++) {
      int chosen = port == 0 ? FreePorts.pick() : port;
      if (FreePorts.isAccepting("127.0.0.1", chosen)) {
        last = new InfraException("port " + chosen + " on 127.0.0.1 is already in use (mosquitto)");
        continue;
      }
      Path config = writeConfig(absDir, chosen, auth, autosave);
      ManagedProcess process =
          new ManagedProcess(
              "mosquitto:" + chosen,
              List.of(binary.toString(), "-c", config.toString()),
              absDir.resolve("mosquitto.log"));
      MosquittoBroker broker = new MosquittoBroker(absDir, chosen, process);
      try {
        broker.start();
        return broker;
      } catch (InfraException e) {
        last = e;
      }
    }
    throw last;
  }

  /**
   * Starts the broker again after {@link #stop()}, on the same port and with the same persistence,
   * so persistent sessions and retained messages survive. No-op when it is running.
   */
  public synchronized void start() {
    if (process.isAlive()) {
      return;
    }
    long startedNanos = System.nanoTime();
    process.startAndAwait(
        () -> FreePorts.isAccepting("127.0.0.1", port),
        START_TIMEOUT,
        "did not accept connections on 127.0.0.1:" + port);
    LOG.info(
        "mosquitto ready on {} in {} ms",
        serverUri(),
        (System.nanoTime() - startedNanos) / 1_000_000);
  }

  /** Stops the broker gracefully (SIGTERM: mosquitto saves its persistence file). */
  public synchronized void stop() {
    process.stop(STOP_GRACE);
  }

  /**
   * Kills the broker with SIGKILL (a crash: nothing is saved beyond the last autosave) and waits
   * until it is gone; {@link #start()} brings it back on the same port and persistence.
   */
  public synchronized void kill() {
    process.kill();
  }

  /** Whether the child process is running. */
  public boolean isRunning() {
    return process.isAlive();
  }

  /** {@code tcp://127.0.0.1:<port>}. */
  public String serverUri() {
    return "tcp://" + host() + ":" + port;
  }

  public String host() {
    return "127.0.0.1";
  }

  public int port() {
    return port;
  }

  public Path dir() {
    return dir;
  }

  /** The pid of the running (or last) mosquitto process. */
  public Optional<Long> pid() {
    return process.pid();
  }

  @Override
  public void close() {
    stop();
  }

  private static Path writeConfig(Path dir, int port, MosquittoAuth auth, Autosave autosave) {
    Path data = dir.resolve("data");
    Path config = dir.resolve("mosquitto.conf");
    StringBuilder conf = new StringBuilder();
    conf.append("# generated by io.voltstream.infra.MosquittoBroker\n");
    if (isRoot()) {
      // as root mosquitto otherwise drops to user 'mosquitto', which cannot write our dir
      conf.append("user root\n");
    }
    conf.append("listener ")
        .append(port)
        .append(" 127.0.0.1\n")
        .append(authLines(dir, auth))
        .append("persistence true\n")
        .append("persistence_location ")
        .append(data)
        .append("/\n")
        .append(autosave.configLines)
        .append("max_inflight_messages 1000\n")
        .append("max_queued_messages 1000000\n")
        .append("log_dest stderr\n")
        .append("log_type error\nlog_type warning\nlog_type notice\n")
        .append("log_timestamp_format %Y-%m-%dT%H:%M:%S\n");
    try {
      Files.createDirectories(data);
      Files.writeString(config, conf.toString(), StandardCharsets.UTF_8);
      return config;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + config, e);
    }
  }

  /**
   * Anonymous access, or (with {@code auth}) the dynamic security plugin as the only way in. The
   * plugin's ACLs apply per client: a device account may publish and subscribe only to its own
   * topics (serving-api's device credentials).
   */
  private static String authLines(Path dir, MosquittoAuth auth) {
    if (auth == null) {
      return "allow_anonymous true\n";
    }
    Path plugin = DynamicSecurityFile.plugin();
    Path file = DynamicSecurityFile.writeIfAbsent(dir, auth);
    return "allow_anonymous false\n"
        + "plugin "
        + plugin
        + "\n"
        + "plugin_opt_config_file "
        + file
        + "\n";
  }

  private static boolean isRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }
}
