package io.voltstream.launcher.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voltstream.infra.FreePorts;
import io.voltstream.infra.Waits;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real standalone Flink session cluster for tests: a JobManager and a TaskManager as two child
 * JVM processes, started like {@code flink-conf/start-cluster.sh} does (Maven classpath, {@code
 * BashJavaUtils} memory parameters, the Java 17 opens of {@code flink-conf/config.yaml}), with the
 * configuration of {@code flink-conf/} and free ports, all directories under one dir.
 *
 * <pre>{@code
 * try (FlinkStandaloneCluster flink = FlinkStandaloneCluster.start(dir)) {
 *   submitTo(flink.restUri());
 * } // both processes have exited here
 * }</pre>
 *
 * <p>{@link #close()} returns only when both processes are gone (SIGTERM, SIGKILL after a grace
 * period); a JVM shutdown hook kills them if the test JVM exits first.
 */
public final class FlinkStandaloneCluster implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FlinkStandaloneCluster.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
  private static final Duration STOP_GRACE = Duration.ofSeconds(20);

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> LIVE.forEach(Process::destroyForcibly), "flink-standalone-cluster-reaper"));
  }

  /** Sizes of the cluster; {@link #defaults()} fits the raw-readings job at parallelism 2. */
  public record Options(
      int slots, String jobManagerMemory, String taskManagerMemory, Duration startTimeout) {
    public static Options defaults() {
      return new Options(2, "1024m", "1280m", Duration.ofMinutes(3));
    }
  }

  private final Path dir;
  private final URI restUri;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final List<Process> processes = new ArrayList<>();
  private String classpath;
  private Path conf;
  private List<String> opens;
  private List<String> dynamic;
  private int taskManagerStarts;

  private FlinkStandaloneCluster(Path dir, URI restUri) {
    this.dir = dir;
    this.restUri = restUri;
  }

  /**
   * Starts a cluster with {@link Options#defaults()} over {@code dir} and waits until a TaskManager
   * registered.
   */
  public static FlinkStandaloneCluster start(Path dir) {
    return start(dir, Options.defaults());
  }

  public static FlinkStandaloneCluster start(Path dir, Options options) {
    Path root = ProjectLayout.root();
    Path conf = root.resolve("flink-conf");
    String classpath =
        ClusterClasspath.resolve(
            root, ProjectLayout.moduleTarget().resolve("flink-cluster/cp.txt"));
    int restPort = FreePorts.pick();
    FlinkStandaloneCluster cluster =
        new FlinkStandaloneCluster(
            dir.toAbsolutePath(), URI.create("http://127.0.0.1:" + restPort));
    try {
      for (String sub : List.of("log", "tmp", "upload", "checkpoints", "savepoints")) {
        Files.createDirectories(cluster.dir.resolve(sub));
      }
      List<String> dynamic =
          List.of(
              "-Djobmanager.rpc.port=" + FreePorts.pick(),
              "-Drest.port=" + restPort,
              "-Dblob.server.port=" + FreePorts.pick(),
              "-Dtaskmanager.numberOfTaskSlots=" + options.slots(),
              "-Djobmanager.memory.process.size=" + options.jobManagerMemory(),
              "-Dtaskmanager.memory.process.size=" + options.taskManagerMemory(),
              "-Dio.tmp.dirs=" + cluster.dir.resolve("tmp"),
              "-Dweb.upload.dir=" + cluster.dir.resolve("upload"),
              "-Dweb.tmpdir=" + cluster.dir.resolve("tmp"),
              "-Dexecution.checkpointing.dir=" + cluster.dir.resolve("checkpoints").toUri(),
              "-Dexecution.checkpointing.savepoint-dir="
                  + cluster.dir.resolve("savepoints").toUri());
      cluster.classpath = classpath;
      cluster.conf = conf;
      cluster.opens = javaOpens(conf.resolve("config.yaml"));
      cluster.dynamic = dynamic;
      cluster.launch(
          "jobmanager",
          "GET_JM_RESOURCE_PARAMS",
          "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint");
      cluster.startTaskManager();
      cluster.awaitReady(options);
      return cluster;
    } catch (IOException | RuntimeException e) {
      String logs = cluster.logTails();
      cluster.close();
      throw new IllegalStateException(
          "the Flink cluster in " + dir + " did not start: " + e.getMessage() + "\n" + logs, e);
    }
  }

  /** {@code http://127.0.0.1:<rest port>}. */
  public URI restUri() {
    return restUri;
  }

  /**
   * Kills the TaskManager process with SIGKILL ({@link Process#destroyForcibly()}: no shutdown
   * hook, no goodbye to the JobManager, as when a host dies) and returns its pid once it is gone.
   */
  public long killTaskManager() {
    if (processes.size() < 2) {
      throw new IllegalStateException("no TaskManager to kill");
    }
    Process taskManager = processes.get(processes.size() - 1);
    taskManager.destroyForcibly();
    try {
      if (!taskManager.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException(
            "TaskManager pid " + taskManager.pid() + " survived SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    LIVE.remove(taskManager);
    processes.remove(taskManager);
    LOG.info("killed the Flink TaskManager (pid {}) with SIGKILL", taskManager.pid());
    return taskManager.pid();
  }

  /**
   * Starts a (new) TaskManager process with the cluster's configuration; it registers with the
   * JobManager on its own (poll {@code /taskmanagers}). Logs {@code taskmanager.log}, then {@code
   * taskmanager-2.log}, … for later ones.
   */
  public void startTaskManager() {
    taskManagerStarts++;
    try {
      launch(
          taskManagerStarts == 1 ? "taskmanager" : "taskmanager-" + taskManagerStarts,
          "GET_TM_RESOURCE_PARAMS",
          "org.apache.flink.runtime.taskexecutor.TaskManagerRunner");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a TaskManager", e);
    }
  }

  /** Pids of the JobManager and the TaskManager processes. */
  public List<Long> pids() {
    return processes.stream().map(Process::pid).toList();
  }

  /** A GET on the REST API, e.g. {@code rest("/jobs/overview")}. */
  public JsonNode rest(String path) {
    return send(HttpRequest.newBuilder(restUri.resolve(path)).GET().build());
  }

  /** Cancels a job ({@code PATCH /jobs/<id>?mode=cancel}); it reaches CANCELED shortly after. */
  public void cancel(String jobId) {
    send(
        HttpRequest.newBuilder(restUri.resolve("/jobs/" + jobId + "?mode=cancel"))
            .method("PATCH", HttpRequest.BodyPublishers.noBody())
            .build());
  }

  /** The state of a job ({@code RUNNING}, {@code CANCELED}, …). */
  public String jobState(String jobId) {
    return rest("/jobs/" + jobId).path("state").asText();
  }

  /** Stops the TaskManager, then the JobManager, and returns when both have exited. */
  @Override
  public void close() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      stop(processes.get(i));
    }
  }

  private void launch(String name, String resourceCommand, String mainClass) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> utils =
        new ArrayList<>(
            List.of(
                java,
                "-cp",
                classpath,
                "org.apache.flink.runtime.util.bash.BashJavaUtils",
                resourceCommand,
                "--configDir",
                conf.toString()));
    utils.addAll(dynamic);
    BashJavaUtilsResult resources =
        BashJavaUtilsResult.parse(
            runToString(utils, dir.resolve("log/" + name + "-bash-java-utils.out")));

    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(resources.jvmOptions());
    command.addAll(opens);
    command.addAll(
        List.of(
            "-Djava.io.tmpdir=" + dir.resolve("tmp"),
            "-Dlog.file=" + dir.resolve("log/" + name + ".log"),
            "-Dlog4j.configurationFile=" + conf.resolve("log4j.properties"),
            "-cp",
            classpath,
            mainClass,
            "--configDir",
            conf.toString()));
    command.addAll(dynamic);
    command.addAll(resources.dynamicProperties());
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(dir.resolve("log/" + name + ".out").toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    LIVE.add(process);
    processes.add(process);
    LOG.info("started Flink {} (pid {}), logs {}", name, process.pid(), dir.resolve("log"));
  }

  private static String runToString(List<String> command, Path output) throws IOException {
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(output.toFile()))
            .start();
    try {
      if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException(
            "BashJavaUtils failed, output in " + output + ":\n" + Files.readString(output));
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    return Files.readString(output);
  }

  private void awaitReady(Options options) {
    long deadline = System.nanoTime() + options.startTimeout().toNanos();
    while (System.nanoTime() < deadline) {
      for (Process p : processes) {
        if (!p.isAlive()) {
          throw new IllegalStateException(
              "a Flink process (pid " + p.pid() + ") exited with " + p.exitValue());
        }
      }
      try {
        JsonNode overview = rest("/overview");
        if (overview.path("taskmanagers").asInt() >= 1
            && overview.path("slots-total").asInt() >= options.slots()) {
          LOG.info("Flink cluster ready at {}: {}", restUri, overview);
          return;
        }
      } catch (UncheckedIOException | RestStatusException notYet) {
        // not bound yet, or 503 while the JobManager's components are still electing their leaders
      }
      Waits.pause(Duration.ofMillis(200));
    }
    throw new IllegalStateException(
        "no TaskManager registered at " + restUri + " within " + options.startTimeout());
  }

  private JsonNode send(HttpRequest request) {
    try {
      HttpResponse<String> answer =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (answer.statusCode() >= 300) {
        throw new RestStatusException(
            request.method()
                + " "
                + request.uri()
                + " answered "
                + answer.statusCode()
                + ": "
                + answer.body());
      }
      return answer.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(answer.body());
    } catch (IOException e) {
      throw new UncheckedIOException(
          request.method() + " " + request.uri() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void stop(Process process) {
    try {
      if (process.isAlive()) {
        process.destroy();
        if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
          LOG.warn(
              "Flink process {} ignored SIGTERM for {}, killing it", process.pid(), STOP_GRACE);
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly();
          process.waitFor(10, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      LIVE.remove(process);
    }
  }

  /**
   * The {@code env.java.opts.all} list of config.yaml: the opens flink-dist's scripts would add.
   */
  static List<String> javaOpens(Path configYaml) throws IOException {
    return Files.readAllLines(configYaml).stream()
        .map(String::trim)
        .filter(l -> l.startsWith("all: --add"))
        .findFirst()
        .map(l -> List.of(l.substring("all: ".length()).trim().split("\\s+")))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    configYaml + " has no env.java.opts.all list of --add-opens"));
  }

  private String logTails() {
    StringBuilder tails = new StringBuilder();
    for (String name :
        List.of("jobmanager.log", "jobmanager.out", "taskmanager.log", "taskmanager.out")) {
      Path file = dir.resolve("log").resolve(name);
      try {
        if (Files.exists(file)) {
          List<String> lines = Files.readAllLines(file);
          tails
              .append("--- ")
              .append(file)
              .append('\n')
              .append(
                  String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())))
              .append('\n');
        }
      } catch (IOException | UncheckedIOException e) {
        tails.append("--- ").append(file).append(": ").append(e.getMessage()).append('\n');
      }
    }
    return tails.toString();
  }

  /** A non-2xx answer of the REST API. */
  static final class RestStatusException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RestStatusException(String message) {
      super(message);
    }
  }
}
