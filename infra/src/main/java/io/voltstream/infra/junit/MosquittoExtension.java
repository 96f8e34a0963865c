package io.voltstream.infra.junit;

import io.voltstream.infra.InfraException;
import io.voltstream.infra.MosquittoAuth;
import io.voltstream.infra.MosquittoBroker;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a {@link MosquittoBroker} on a free port over a scratch dir under {@code target/} before
 * the test class and stops it after. {@link #stop()} (or {@link #kill()}) and {@link #start()}
 * simulate a broker outage (or crash) on the same port with persistence kept.
 *
 * <pre>{@code
 * @RegisterExtension static final MosquittoExtension MQTT = new MosquittoExtension();
 * Mqtt5Client.builder().serverHost(MQTT.host()).serverPort(MQTT.port())...
 * }</pre>
 *
 * <p>By default the broker admits anonymous clients (the ITCases that test other things). {@link
 * #withDeviceAuth()} starts it with device authentication instead (dynamic security plugin, a
 * random admin password: {@link #auth()}).
 */
public final class MosquittoExtension implements BeforeAllCallback, AfterAllCallback {
  private final MosquittoAuth auth;
  private final MosquittoBroker.Autosave autosave;
  private Path dir;
  private MosquittoBroker broker;

  /**
   * An anonymous broker with the default persistence ({@link
   * MosquittoBroker.Autosave#EVERY_SECOND}).
   */
  public MosquittoExtension() {
    this(null, MosquittoBroker.Autosave.EVERY_SECOND);
  }

  /** An anonymous broker that saves its persistence as {@code autosave} says (crash tests). */
  public MosquittoExtension(MosquittoBroker.Autosave autosave) {
    this(null, autosave);
  }

  private MosquittoExtension(MosquittoAuth auth, MosquittoBroker.Autosave autosave) {
    this.auth = auth;
    this.autosave = autosave;
  }

  /** A broker that admits only accounts of its dynamic security plugin. */
  public static MosquittoExtension withDeviceAuth() {
    return new MosquittoExtension(
        MosquittoAuth.withRandomPassword(), MosquittoBroker.Autosave.EVERY_SECOND);
  }

  /** The admin account of a {@link #withDeviceAuth()} broker. */
  public MosquittoAuth auth() {
    if (auth == null) {
      throw new InfraException("this MosquittoExtension admits anonymous clients: no auth");
    }
    return auth;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    dir = TestDirs.create("mosquitto");
    broker = MosquittoBroker.start(dir, 0, auth, autosave);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (broker != null) {
      broker.close();
      broker = null;
    }
    TestDirs.deleteQuietly(dir);
  }

  /** {@code tcp://127.0.0.1:<port>}. */
  public String serverUri() {
    return running().serverUri();
  }

  public String host() {
    return running().host();
  }

  public int port() {
    return running().port();
  }

  /** Stops the broker gracefully; clients see the connection drop. */
  public void stop() {
    running().stop();
  }

  /** Kills the broker with SIGKILL (a crash); {@link #start()} brings it back. */
  public void kill() {
    running().kill();
  }

  /** Starts it again on the same port with the same persistence; waits until it accepts. */
  public void start() {
    running().start();
  }

  /** The broker itself, e.g. for its pid. */
  public MosquittoBroker broker() {
    return running();
  }

  private MosquittoBroker running() {
    if (broker == null) {
      throw new InfraException(
          "MosquittoExtension is not running: register it as a static field with"
              + " @RegisterExtension");
    }
    return broker;
  }
}
