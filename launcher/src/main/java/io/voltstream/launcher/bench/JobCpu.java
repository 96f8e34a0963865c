package io.voltstream.launcher.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.flink.runtime.client.JobStatusMessage;
import org.apache.flink.runtime.executiongraph.AccessExecutionJobVertex;
import org.apache.flink.runtime.minicluster.MiniCluster;

/**
 * CPU per Flink job in the MiniCluster, from the JVM's per-thread CPU ({@link ThreadCpu}): a Flink
 * task thread is named after its task (the chained vertex name plus {@code (i/n)#attempt}), and so
 * are its helpers ({@code Source Data Fetcher for <task>}, {@code OutputFlusher for <task>}); a
 * Kafka client thread names its group ({@code kafka-coordinator-heartbeat-thread | <group>}). A
 * thread goes to the job whose vertex name (or consumer group) it contains, the longest match
 * first; a vertex name two jobs share cannot be told apart and is reported as shared. Threads of no
 * job (Kafka broker, ingest, API, load generator, Flink runtime) are not in the table.
 */
final class JobCpu {
  static final String SHARED = "shared by ";

  /**
   * Vertex (task) names → jobs that have a vertex of that name; job names; group prefix; and per
   * job its vertices' REST paths ({@code jobs/<id>/vertices/<id>}) for {@link JobBusyTime}.
   */
  record Mapping(
      Map<String, Set<String>> jobsByVertex,
      List<String> jobs,
      String groupPrefix,
      Map<String, List<String>> vertexPathsByJob) {
    Mapping {
      jobsByVertex = Map.copyOf(jobsByVertex);
      jobs = List.copyOf(jobs);
      vertexPathsByJob = Map.copyOf(vertexPathsByJob);
    }

    Mapping(Map<String, Set<String>> jobsByVertex, List<String> jobs, String groupPrefix) {
      this(jobsByVertex, jobs, groupPrefix, Map.of());
    }
  }

  private JobCpu() {}

  /** The vertex names of every job running in {@code cluster}. */
  static Mapping of(MiniCluster cluster, String groupPrefix) throws Exception {
    Map<String, Set<String>> byVertex = new TreeMap<>();
    List<String> jobs = new ArrayList<>();
    Map<String, List<String>> paths = new TreeMap<>();
    for (JobStatusMessage job : cluster.listJobs().get()) {
      if (job.getJobState().isGloballyTerminalState()) {
        continue;
      }
      jobs.add(job.getJobName());
      for (AccessExecutionJobVertex v :
          cluster.getExecutionGraph(job.getJobId()).get().getAllVertices().values()) {
        byVertex.computeIfAbsent(v.getName(), k -> new TreeSet<>()).add(job.getJobName());
        paths
            .computeIfAbsent(job.getJobName(), k -> new ArrayList<>())
            .add("jobs/" + job.getJobId() + "/vertices/" + v.getJobVertexId());
      }
    }
    return new Mapping(byVertex, jobs, groupPrefix, paths);
  }

  /**
   * The job a thread works for: a job name, {@code "shared by a|b"} for a vertex name several jobs
   * have, or null for a thread of no job. {@code threadName} without the subtask suffix.
   */
  static String jobOf(String threadName, Mapping m) {
    String bestVertex = null;
    for (String vertex : m.jobsByVertex().keySet()) {
      if (threadName.contains(vertex)
          && (bestVertex == null || vertex.length() > bestVertex.length())) {
        bestVertex = vertex;
      }
    }
    if (bestVertex != null) {
      Set<String> jobs = m.jobsByVertex().get(bestVertex);
      return jobs.size() == 1
          ? jobs.iterator().next()
          : SHARED + String.join("|", new TreeSet<>(jobs));
    }
    // consumer/producer client threads carry the group (= prefix + job name [+ suffix])
    return m.jobs().stream()
        .sorted(Comparator.comparingInt(String::length).reversed())
        .filter(job -> threadName.contains(m.groupPrefix() + job))
        .findFirst()
        .orElse(null);
  }

  /** CPU per job between two snapshots [% of one core], largest first. */
  static Map<String, Double> between(
      ThreadCpu.Snapshot before, ThreadCpu.Snapshot after, Mapping m) {
    double wallNanos = Math.max(1, after.atNanos() - before.atNanos());
    Map<String, Double> byJob = new TreeMap<>();
    m.jobs().forEach(j -> byJob.put(j, 0.0));
    after
        .cpuNanosByName()
        .forEach(
            (name, cpu) -> {
              long delta = cpu - before.cpuNanosByName().getOrDefault(name, 0L);
              String job = jobOf(name, m);
              if (delta > 0 && job != null) {
                byJob.merge(job, 100.0 * delta / wallNanos, Double::sum);
              }
            });
    Map<String, Double> sorted = new LinkedHashMap<>();
    byJob.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  /** {@code CPU per job (% of one core): a 12%, b 3%, …}. */
  static String line(Map<String, Double> byJob) {
    StringBuilder b = new StringBuilder("CPU per Flink job (% of one core, task threads): ");
    int i = 0;
    for (Map.Entry<String, Double> e : byJob.entrySet()) {
      b.append(i++ == 0 ? "" : ", ")
          .append(e.getKey())
          .append(String.format(" %.1f%%", e.getValue()));
    }
    return b.toString();
  }
}
