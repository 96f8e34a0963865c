package io.voltstream.api.dr;

import io.javalin.http.Context;
import io.voltstream.api.auth.Principal;
import io.voltstream.api.auth.Role;
import io.voltstream.api.dr.dto.AnswerRequest;
import io.voltstream.api.dr.dto.InvitationResponse;
import io.voltstream.api.dr.dto.SendInvitationRequest;
import io.voltstream.api.error.ApiException;
import io.voltstream.api.error.FieldError;
import io.voltstream.api.error.Problem;
import io.voltstream.api.registry.Names;
import io.voltstream.api.registry.RegistryService;
import io.voltstream.api.route.AccessControl;
import io.voltstream.api.route.Requests;
import io.voltstream.api.route.ResourceRoutes;
import io.voltstream.api.route.RouteTable;
import io.voltstream.api.scope.ResourceScope;
import io.voltstream.energy.dr.DrSettings;
import io.voltstream.model.Building;
import io.voltstream.model.dr.DrInvitation;
import java.time.Clock;

/**
 * Demand-response invitations (OpenADR 3 events of one interval) and each building's auto-answer
 * policy. Admin manages (send, answer, cancel, set the policy), operator views, viewer has no
 * access (design §4). Invitations are building-wide: a scoped token needs a grant on the building
 * (403 otherwise); lists show only covered buildings.
 */
public final class DrController implements ResourceRoutes {
  private static final String TAG = "Demand response";
  static final String BASE = "/api/v1/demand-response";
  private static final String INVITATIONS = BASE + "/invitations";
  private static final String ITEM = INVITATIONS + "/{id}";
  private static final String AUTO_ANSWER = BASE + "/auto-answer/{building}";

  private final DrService dr;
  private final RegistryService registry;
  private final ResourceScope scope;
  private final Clock clock;

  public DrController(DrService dr, RegistryService registry, ResourceScope scope, Clock clock) {
    this.dr = dr;
    this.registry = registry;
    this.scope = scope;
    this.clock = clock;
  }

  @Override
  public void registerRoutes(RouteTable routes) {
    routes
        .post(INVITATIONS + "/send", this::send)
        .roles(Role.ADMIN)
        .tag(TAG)
        .summary("Send a DR invitation to a building (answered at once when its auto-answer is on)")
        .body(SendInvitationRequest.class)
        .response(
            201, InvitationResponse.class, "written to Kafka dr-invitations; id, status, answer")
        .response(400, Problem.class, "a field is missing, malformed or out of range (named)")
        .response(403, Problem.class, "the token is scoped to another building")
        .response(409, Problem.class, "overlaps a live invitation of the building (field start)")
        .response(422, Problem.class, "unknown building, or start in the past (named)");
    routes
        .get(INVITATIONS, this::list)
        .roles(Role.ADMIN, Role.OPERATOR)
        .tag(TAG)
        .summary("Invitations, by start")
        .queryParam("answered", Boolean.class, false, "true: answered only; false: pending only")
        .queryParam("building", String.class, false, "only this building")
        .queryParam("status", String.class, false, "far, near, active, completed or cancelled")
        .response(200, InvitationResponse[].class, "the invitations the token covers");
    routes
        .get(ITEM, this::get)
        .roles(Role.ADMIN, Role.OPERATOR)
        .tag(TAG)
        .summary("One invitation with its status and verification figures")
        .pathParam("id", "invitation id")
        .response(200, InvitationResponse.class, "the invitation")
        .response(404, Problem.class, "no such invitation");
    routes
        .post(ITEM + "/answer", this::answer)
        .roles(Role.ADMIN)
        .tag(TAG)
        .summary("Opt in or out of an invitation before it starts")
        .pathParam("id", "invitation id")
        .body(AnswerRequest.class)
        .response(200, InvitationResponse.class, "answered")
        .response(400, Problem.class, "answer is not opt_in or opt_out")
        .response(404, Problem.class, "no such invitation")
        .response(409, Problem.class, "started, cancelled, or opting in overlaps another event");
    routes
        .post(ITEM + "/cancel", this::cancel)
        .roles(Role.ADMIN)
        .tag(TAG)
        .summary("Cancel an invitation (the DR job restores the devices if it is running)")
        .pathParam("id", "invitation id")
        .response(200, InvitationResponse.class, "cancelled")
        .response(404, Problem.class, "no such invitation")
        .response(409, Problem.class, "already cancelled or ended");
    routes
        .get(AUTO_ANSWER, this::getAutoAnswer)
        .roles(Role.ADMIN, Role.OPERATOR)
        .tag(TAG)
        .summary("A building's auto-answer policy (the default when unset)")
        .pathParam("building", "building id")
        .response(
            200, DrSettings.class, "auto_answer, min_incentive_eur_per_kwh, required_coverage")
        .response(404, Problem.class, "no such building");
    routes
        .put(AUTO_ANSWER, this::putAutoAnswer)
        .roles(Role.ADMIN)
        .tag(TAG)
        .summary("Set a building's auto-answer policy (registry, Building.demand_response)")
        .pathParam("building", "building id")
        .body(DrSettings.class)
        .response(200, DrSettings.class, "stored")
        .response(400, Problem.class, "an invalid field (named)")
        .response(404, Problem.class, "no such building");
  }

  void send(Context ctx) {
    SendInvitationRequest req = Requests.body(ctx, SendInvitationRequest.class);
    DrService.Send s = InvitationValidation.send(req, registry::building, clock.instant());
    Principal p = AccessControl.principal(ctx);
    scope.requireBuilding(p, s.building().id());
    InvitationResponse r = dr.send(s, p.subject());
    ctx.status(201).header("Location", INVITATIONS + "/" + r.id()).json(r);
  }

  void list(Context ctx) {
    Principal p = AccessControl.principal(ctx);
    String building = ctx.queryParam("building");
    if (building != null) {
      Names.require("building", building);
      scope.requireBuilding(p, building);
    }
    ctx.json(
        dr.list(
            b -> scope.coversBuilding(p, b),
            answered(ctx),
            building,
            InvitationValidation.status(ctx.queryParam("status"))));
  }

  void get(Context ctx) {
    ctx.json(dr.get(readable(ctx)));
  }

  void answer(Context ctx) {
    DrInvitation inv = readable(ctx);
    AnswerRequest req = Requests.body(ctx, AnswerRequest.class);
    ctx.json(
        dr.answer(
            inv,
            InvitationValidation.answer(req.answer()),
            AccessControl.principal(ctx).subject()));
  }

  void cancel(Context ctx) {
    ctx.json(dr.cancel(readable(ctx), AccessControl.principal(ctx).subject()));
  }

  void getAutoAnswer(Context ctx) {
    ctx.json(dr.autoAnswerSettings(building(ctx)));
  }

  void putAutoAnswer(Context ctx) {
    Building b = building(ctx);
    ctx.json(dr.setAutoAnswer(b, Requests.body(ctx, DrSettings.class)));
  }

  /** The path's invitation: 404 unknown, 403 outside the token's buildings. */
  private DrInvitation readable(Context ctx) {
    DrInvitation inv = dr.require(ctx.pathParam("id"));
    scope.requireBuilding(AccessControl.principal(ctx), inv.building());
    return inv;
  }

  private Building building(Context ctx) {
    Building b = registry.requireBuilding(ctx.pathParam("building"));
    scope.requireBuilding(AccessControl.principal(ctx), b.id());
    return b;
  }

  /** {@code ?answered=true|false}; null when absent. */
  private static Boolean answered(Context ctx) {
    String v = ctx.queryParam("answered");
    if (v == null || v.isEmpty()) {
      return null;
    }
    if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
      throw ApiException.badRequest(
          "invalid answered", new FieldError("answered", "must be true or false"));
    }
    return Requests.flag(ctx, "answered");
  }
}
