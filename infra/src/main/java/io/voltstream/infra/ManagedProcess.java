package io.voltstream.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server binary run as a child process that this JVM owns: stdout and stderr go to a log file,
 * {@link #stop} sends SIGTERM and escalates to SIGKILL, and a JVM shutdown hook kills whatever is
 * still running so that no orphan survives a Ctrl-C or a crashed test run.
 */
final class ManagedProcess {
  private static final Logger LOG = LoggerFactory.getLogger(ManagedProcess.class);
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(ManagedProcess::killAll, "voltstream-infra-process-reaper"));
  }

  private final String name;
  private final List<String> command;
  private final Path logFile;
  private volatile Process process;

  ManagedProcess(String name, List<String> command, Path logFile) {
    this.name = name;
    this.command = List.copyOf(command);
    this.logFile = logFile;
  }

  /** Launches the command; the log file is appended to, so restarts keep the earlier output. */
  synchronized void start() {
    if (isAlive()) {
      return;
    }
    try {
      Files.createDirectories(logFile.getParent());
      Process started =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .redirectInput(ProcessBuilder.Redirect.PIPE)
              .start();
      LIVE.add(started);
      process = started;
      LOG.info("started {} (pid {}): {}", name, started.pid(), String.join(" ", command));
    } catch (IOException e) {
      throw new InfraException("cannot start " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * Starts the process and waits until {@code ready} holds; if it dies or is not ready within
   * {@code timeout}, stops it and throws with {@code notReady} and the tail of its log.
   */
  synchronized void startAndAwait(
      java.util.function.BooleanSupplier ready, Duration timeout, String notReady) {
    start();
    boolean up = Waits.until(() -> !isAlive() || ready.getAsBoolean(), timeout);
    if (!up || !isAlive()) {
      stop(Duration.ofSeconds(2));
      throw startFailure(notReady);
    }
  }

  boolean isAlive() {
    Process p = process;
    return p != null && p.isAlive();
  }

  /** The pid of the current (or last) child process, if it was ever started. */
  Optional<Long> pid() {
    Process p = process;
    return p == null ? Optional.empty() : Optional.of(p.pid());
  }

  Path logFile() {
    return logFile;
  }

  /** SIGTERM, then SIGKILL when the process has not exited after {@code grace}. */
  synchronized void stop(Duration grace) {
    Process p = process;
    if (p == null) {
      return;
    }
    try {
      if (p.isAlive()) {
        p.destroy();
        if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
          LOG.warn("{} (pid {}) ignored SIGTERM for {}, killing it", name, p.pid(), grace);
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly();
          p.waitFor(5, TimeUnit.SECONDS);
        }
      }
      LOG.info("stopped {} (pid {})", name, p.pid());
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      LIVE.remove(p);
    }
  }

  /**
   * SIGKILL, no grace: the process gets no chance to save or flush anything (a crash, for the
   * durability tests). Waits until it is gone.
   */
  synchronized void kill() {
    Process p = process;
    if (p == null) {
      return;
    }
    try {
      p.destroyForcibly();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        throw new InfraException(name + " (pid " + p.pid() + ") survived SIGKILL for 10 s");
      }
      LOG.info("killed {} (pid {}, exit {})", name, p.pid(), p.exitValue());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      LIVE.remove(p);
    }
  }

  /** The last {@code lines} lines of the log file, for error messages. */
  String logTail(int lines) {
    try {
      if (!Files.exists(logFile)) {
        return "(no log at " + logFile + ")";
      }
      List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      List<String> tail = new ArrayList<>(all.subList(Math.max(0, all.size() - lines), all.size()));
      return String.join(System.lineSeparator(), tail);
    } catch (IOException e) {
      return "(cannot read " + logFile + ": " + e.getMessage() + ")";
    }
  }

  /** An exception for a failed start, ending with the log tail. */
  InfraException startFailure(String what) {
    return new InfraException(
        name
            + " "
            + what
            + " (log "
            + logFile
            + "), last lines:"
            + System.lineSeparator()
            + logTail(20));
  }

  private static void killAll() {
    for (Process p : LIVE) {
      p.destroy();
    }
    for (Process p : LIVE) {
      try {
        if (!p.waitFor(3, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
      }
    }
  }
}
