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
 *
 * <p>A JVM killed with SIGKILL runs no hook: its children keep running, re-parented to init, still
 * holding their ports and data directories. {@link #stopLeftover} finds such a process by its exact
 * command line (which names the config file under the server's own directory) so that the next
 * start can stop it gracefully and take over its data.
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

  /**
   * Stops every process of this user whose command line is exactly {@code command}: a server left
   * running by an earlier JVM that was killed (kill -9, OOM killer) before it could stop it.
   * SIGTERM first, so the server saves its state (mosquitto writes its persistence file), SIGKILL
   * after {@code grace}. Returns the pids it stopped.
   */
  static List<Long> stopLeftover(String name, List<String> command, Duration grace) {
    List<ProcessHandle> leftovers =
        ProcessHandle.allProcesses()
            .filter(p -> p.pid() != ProcessHandle.current().pid())
            .filter(p -> runs(p.info(), command))
            .toList();
    for (ProcessHandle p : leftovers) {
      LOG.warn(
          "{} (pid {}) is still running from an earlier start whose JVM was killed; stopping it",
          name,
          p.pid());
      p.destroy();
      try {
        p.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        LOG.warn("{} (pid {}) ignored SIGTERM for {}, killing it", name, p.pid(), grace);
        p.destroyForcibly();
        p.onExit().join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InfraException("interrupted while stopping the leftover " + name, e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new InfraException("cannot stop the leftover " + name + ": " + e, e);
      }
    }
    return leftovers.stream().map(ProcessHandle::pid).toList();
  }

  private static boolean runs(ProcessHandle.Info info, List<String> command) {
    Optional<String> executable = info.command();
    Optional<String[]> arguments = info.arguments();
    if (executable.isEmpty() || arguments.isEmpty()) {
      return false; // another user's process, or one that already exited
    }
    // The binary may have been started through a symlink; the arguments name our config file.
    Path wanted = Path.of(command.get(0)).getFileName();
    return Path.of(executable.get()).getFileName().equals(wanted)
        && List.of(arguments.get()).equals(command.subList(1, command.size()));
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
