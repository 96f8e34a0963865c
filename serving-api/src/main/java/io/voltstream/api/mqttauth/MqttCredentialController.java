package io.voltstream.api.mqttauth;

import io.javalin.http.Context;
import io.voltstream.api.auth.Role;
import io.voltstream.api.error.Problem;
import io.voltstream.api.mqttauth.dto.MqttCredentialResponse;
import io.voltstream.api.route.AccessControl;
import io.voltstream.api.route.ResourceRoutes;
import io.voltstream.api.route.RouteTable;
import io.voltstream.api.scope.ResourceScope;

/**
 * Device MQTT credentials (admin only, and only with an unscoped token: broker accounts are
 * platform-wide): {@code POST …/mqtt-credentials} on a sensor, battery or IoT device creates or
 * rotates its broker login and shows the password once ({@code Cache-Control: no-store}); {@code
 * DELETE} revokes it and disconnects the device. IO only: {@link MqttCredentialService} does the
 * work.
 */
public final class MqttCredentialController implements ResourceRoutes {
  private static final String TAG = "Device credentials";
  private static final String SUFFIX = "/mqtt-credentials";

  private final MqttCredentialService credentials;

  public MqttCredentialController(MqttCredentialService credentials) {
    this.credentials = credentials;
  }

  @Override
  public void registerRoutes(RouteTable routes) {
    register(routes, "/api/v1/sensors/{id}", DeviceKind.SENSOR);
    register(routes, "/api/v1/batteries/{id}", DeviceKind.BATTERY);
    register(routes, "/api/v1/iot/devices/{id}", DeviceKind.DEVICE);
  }

  private void register(RouteTable routes, String item, DeviceKind kind) {
    String what = kind.label();
    routes
        .post(item + SUFFIX, ctx -> issue(ctx, kind))
        .roles(Role.ADMIN)
        .tag(TAG)
        .summary(
            "Create or rotate the "
                + what
                + "'s MQTT login (user name = id); the password is shown only in this answer")
        .pathParam("id", what + " id")
        .response(201, MqttCredentialResponse.class, "issued; an earlier password stops working")
        .response(400, Problem.class, "the id breaks the id rule (names id)")
        .response(403, Problem.class, "a token limited to some resources")
        .response(404, Problem.class, "no such " + what + " in the registry")
        .response(409, Problem.class, "the MQTT user name belongs to another kind or a service")
        .response(503, Problem.class, "device authentication not configured or broker away");
    routes
        .delete(item + SUFFIX, ctx -> revoke(ctx, kind))
        .roles(Role.ADMIN)
        .tag(TAG)
        .summary("Revoke the " + what + "'s MQTT login; its open connections are closed")
        .pathParam("id", what + " id")
        .response(204, "revoked")
        .response(400, Problem.class, "the id breaks the id rule (names id)")
        .response(403, Problem.class, "a token limited to some resources")
        .response(404, Problem.class, "the " + what + " has no MQTT credentials")
        .response(503, Problem.class, "device authentication not configured or broker away");
  }

  void issue(Context ctx, DeviceKind kind) {
    ResourceScope.requireUnscoped(AccessControl.principal(ctx), "manage MQTT device credentials");
    MqttCredentialResponse issued = credentials.issue(kind, ctx.pathParam("id"));
    ctx.header("Cache-Control", "no-store");
    ctx.status(201).json(issued);
  }

  void revoke(Context ctx, DeviceKind kind) {
    ResourceScope.requireUnscoped(AccessControl.principal(ctx), "manage MQTT device credentials");
    credentials.revoke(kind, ctx.pathParam("id"));
    ctx.status(204);
  }
}
