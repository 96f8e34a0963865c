package io.voltstream.launcher;

import io.voltstream.launcher.savepoint.SavepointLayout;
import io.voltstream.launcher.savepoint.StopSelection;
import io.voltstream.launcher.stack.StreamJobs;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.client.deployment.StandaloneClusterId;
import org.apache.flink.client.program.rest.RestClusterClient;
import org.apache.flink.core.execution.SavepointFormatType;

/**
 * Stops the Voltstream jobs running on a Flink session cluster through its REST API ({@link
 * RestClusterClient}, the client {@link JobSubmitter} submits with). With a savepoint directory:
 * stop-with-savepoint ({@code POST /jobs/:id/stop}, the client polls the trigger until the
 * savepoint completed), each job into {@code DIR/<job name>/} ({@link SavepointLayout}); the job
 * then finishes. Without: cancel. Returns once every job reached its terminal state. Used by {@code
 * voltstream stop}.
 */
public final class JobStopper {

  /** A stopped job and, when it was stopped with a savepoint, where the savepoint is. */
  public record Stopped(String name, JobID jobId, JobStatus status, Optional<String> savepoint) {}

  private final URI flink;
  private final Duration timeout;

  /**
   * {@code flink} is the REST address; {@code timeout} bounds each job's savepoint and its way to a
   * terminal state.
   */
  public JobStopper(URI flink, Duration timeout) {
    this.flink = JobSubmitter.requireHost(flink);
    this.timeout = timeout;
  }

  /**
   * Stops the running Voltstream jobs named in {@code jobs} (all when empty), with a savepoint each
   * under {@code savepointRoot} when present, else by cancelling them.
   */
  public List<Stopped> stop(List<String> jobs, Optional<Path> savepointRoot) throws Exception {
    List<Stopped> stopped = new ArrayList<>();
    try (RestClusterClient<StandaloneClusterId> client =
        new RestClusterClient<>(
            JobSubmitter.clientConfiguration(flink), StandaloneClusterId.getInstance())) {
      List<StopSelection.ClusterJob> listed =
          client.listJobs().get(timeout.toMillis(), TimeUnit.MILLISECONDS).stream()
              .map(
                  j ->
                      new StopSelection.ClusterJob(
                          j.getJobId().toHexString(),
                          j.getJobName(),
                          j.getJobState() == JobStatus.RUNNING))
              .toList();
      List<StopSelection.Target> targets =
          StopSelection.select(listed, jobs, StreamJobs.names(), savepointRoot.isPresent());
      if (targets.isEmpty()) {
        throw new IllegalStateException("no Voltstream job is running on " + flink);
      }
      for (StopSelection.Target target : targets) {
        JobID id = JobID.fromHexString(target.jobId());
        Optional<String> savepoint = Optional.empty();
        if (savepointRoot.isPresent()) {
          savepoint =
              Optional.of(
                  client
                      .stopWithSavepoint(
                          id,
                          false, // no drain: open windows and timers stay in the savepoint
                          SavepointLayout.targetUri(savepointRoot.get(), target.job()),
                          SavepointFormatType.CANONICAL)
                      .get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } else {
          client.cancel(id).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        // The job result exists once the job reached its terminal state.
        client.requestJobResult(id).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        JobStatus status = client.getJobStatus(id).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        stopped.add(new Stopped(target.job(), id, status, savepoint));
      }
    }
    return stopped;
  }
}
