package io.voltstream.api.mqttauth;

import io.voltstream.api.error.ApiException;
import io.voltstream.api.mqttauth.dto.MqttCredentialResponse;
import io.voltstream.api.registry.Names;
import io.voltstream.api.registry.RegistryService;
import io.voltstream.energy.device.DeviceSpec;
import java.util.Optional;

/**
 * Device credentials for registered devices only: a sensor, battery or IoT device must be in the
 * registry before it gets a broker account. Without a configured broker admin every call is 503.
 */
public final class MqttCredentialService {
  private final RegistryService registry;
  private final Optional<DeviceCredentials> credentials;

  public MqttCredentialService(RegistryService registry, Optional<DeviceCredentials> credentials) {
    this.registry = registry;
    this.credentials = credentials;
  }

  /** Creates or rotates the credentials of a registered device (404 when unknown). */
  public MqttCredentialResponse issue(DeviceKind kind, String id) {
    Names.require("id", id);
    String meterId =
        switch (kind) {
          case SENSOR -> registry.sensor(id).map(s -> id).orElseThrow(() -> unknown(kind, id));
          case BATTERY -> registry.battery(id).map(b -> id).orElseThrow(() -> unknown(kind, id));
          case DEVICE ->
              registry.device(id).map(DeviceSpec::meterId).orElseThrow(() -> unknown(kind, id));
        };
    return configured().issue(kind, id, meterId);
  }

  /**
   * Revokes a device's credentials (404 when it has none). Works also after the device left the
   * registry.
   */
  public void revoke(DeviceKind kind, String id) {
    Names.require("id", id);
    configured().revoke(kind, id);
  }

  private DeviceCredentials configured() {
    return credentials.orElseThrow(
        () ->
            new ApiException(
                ApiException.Kind.UNAVAILABLE,
                "device authentication is not configured: set "
                    + MqttAdminOptions.ADMIN_PASSWORD.name()
                    + " or "
                    + MqttAdminOptions.ADMIN_PASSWORD_FILE.name()));
  }

  private static ApiException unknown(DeviceKind kind, String id) {
    return ApiException.notFound("no " + kind.label() + " '" + id + "' in the registry");
  }
}
