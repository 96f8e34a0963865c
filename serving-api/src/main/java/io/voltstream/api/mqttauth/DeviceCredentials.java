package io.voltstream.api.mqttauth;

import io.voltstream.api.error.ApiException;
import io.voltstream.api.mqttauth.dto.MqttCredentialResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/**
 * Issues, rotates and revokes broker accounts: the user name is the device id, the password 256
 * random bits shown once, the grants those of {@link MqttGrants}. An id already held by an account
 * of another kind (or a service) is refused, so no registration can take over another account. Does
 * not consult the registry: {@link MqttCredentialService} does for the API; the demo issues for the
 * devices it simulates.
 */
public final class DeviceCredentials {
  private static final int PASSWORD_BYTES = 32;

  private final MqttAccounts accounts;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public DeviceCredentials(MqttAccounts accounts, Clock clock) {
    this.accounts = accounts;
    this.clock = clock;
  }

  /**
   * Creates the account of {@code id} or gives it a new password.
   *
   * @param meterId a device's meter sensor (ignored for other kinds)
   * @throws ApiException 409 when {@code id} is an account of another kind or a service
   */
  public MqttCredentialResponse issue(DeviceKind kind, String id, String meterId) {
    Optional<String> existing = accounts.label(id);
    existing
        .filter(label -> !label.equals(kind.label()))
        .ifPresent(
            label -> {
              throw ApiException.conflict(
                  "MQTT user '" + id + "' belongs to a " + label + ", not to a " + kind.label());
            });
    MqttGrants grants = MqttGrants.forDevice(kind, id, meterId);
    String password = newPassword();
    accounts.put(id, kind.label(), grants, password);
    return new MqttCredentialResponse(
        kind.label(),
        id,
        id,
        password,
        existing.isPresent(),
        clock.instant(),
        grants.publish(),
        grants.subscribe());
  }

  /**
   * Deletes the account of {@code id}; its open sessions are disconnected.
   *
   * @throws ApiException 404 when {@code id} has no account of this kind
   */
  public void revoke(DeviceKind kind, String id) {
    if (!accounts.label(id).filter(kind.label()::equals).isPresent() || !accounts.remove(id)) {
      throw ApiException.notFound(kind.label() + " '" + id + "' has no MQTT credentials");
    }
  }

  /**
   * Creates or updates a service account (e.g. {@link MqttGrants#INGEST_ACCOUNT}) with {@code
   * password}.
   *
   * @throws ApiException 409 when the name is a device's account
   */
  public void ensureService(String username, MqttGrants grants, String password) {
    accounts
        .label(username)
        .filter(label -> !label.equals(MqttGrants.SERVICE_LABEL))
        .ifPresent(
            label -> {
              throw ApiException.conflict(
                  "MQTT user '" + username + "' is a " + label + ", not a service");
            });
    accounts.put(username, MqttGrants.SERVICE_LABEL, grants, password);
  }

  /** 256 random bits as 43 URL-safe Base64 characters. */
  public String newPassword() {
    byte[] bytes = new byte[PASSWORD_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
