package io.voltstream.launcher.bench;

import io.voltstream.api.ApiApp;
import io.voltstream.ingest.app.IngestApp;
import io.voltstream.launcher.stack.LocalFlinkCluster;
import io.voltstream.launcher.stack.LocalInfrastructure;
import java.util.Map;

/**
 * The whole platform as the benchmark drives it: what {@code ./voltstream demo} starts (the
 * launcher's {@code DemoStack} implements this, so the benchmark measures exactly the demo's wiring
 * without depending on the launcher package).
 */
public interface Platform extends AutoCloseable {

  /** Starts a platform with the given settings. */
  @FunctionalInterface
  interface Starter {
    Platform start(Map<String, String> env) throws Exception;
  }

  LocalInfrastructure infra();

  /** The effective settings (with the local servers' addresses). */
  Map<String, String> environment();

  LocalFlinkCluster flink();

  IngestApp ingest();

  ApiApp.Running api();

  @Override
  void close();
}
