package io.voltstream.api.health;

import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Kafka is up when the cluster answers {@code describeCluster} within a second. */
public final class KafkaHealthCheck implements HealthCheck, AutoCloseable {
  private final Admin admin;

  public KafkaHealthCheck(String bootstrap) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 1500);
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000);
    p.put(AdminClientConfig.CLIENT_ID_CONFIG, "voltstream-api-health");
    this.admin = Admin.create(p);
  }

  @Override
  public String name() {
    return "kafka";
  }

  @Override
  public Status probe() {
    try {
      int n = admin.describeCluster().nodes().get(1, TimeUnit.SECONDS).size();
      return new Status(n > 0, n + " broker(s)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Status(false, "interrupted");
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      return new Status(false, "unreachable: " + e.getClass().getSimpleName());
    }
  }

  @Override
  public void close() {
    admin.close(java.time.Duration.ofSeconds(1));
  }
}
