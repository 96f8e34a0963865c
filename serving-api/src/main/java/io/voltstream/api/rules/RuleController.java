package io.voltstream.api.rules;

import io.javalin.http.Context;
import io.voltstream.api.auth.Principal;
import io.voltstream.api.auth.Role;
import io.voltstream.api.error.ApiException;
import io.voltstream.api.error.FieldError;
import io.voltstream.api.error.Problem;
import io.voltstream.api.route.AccessControl;
import io.voltstream.api.route.Requests;
import io.voltstream.api.route.ResourceRoutes;
import io.voltstream.api.route.RouteTable;
import io.voltstream.api.rules.dto.RuleRequest;
import io.voltstream.api.scope.ResourceScope;
import io.voltstream.model.rules.AutomationRule;

/**
 * Automation rules (issue 9 item 2): admins create, replace, enable, disable and delete them;
 * operators view them; viewers get 403. Rules are building-wide, like batteries: a scoped token
 * sees and manages only the rules of buildings it is granted. The rules job picks every change up
 * from the registry without a restart. IO only: validate, call {@link RuleService}.
 */
public final class RuleController implements ResourceRoutes {
  private static final String TAG = "Automation rules";
  static final String LIST = "/api/v1/automation/rules";
  private static final String ITEM = LIST + "/{id}";

  private final RuleService rules;
  private final ResourceScope scope;

  public RuleController(RuleService rules, ResourceScope scope) {
    this.rules = rules;
    this.scope = scope;
  }

  @Override
  public void registerRoutes(RouteTable routes) {
    routes
        .get(LIST, this::list)
        .roles(Role.ADMIN, Role.OPERATOR)
        .tag(TAG)
        .summary("Automation rules")
        .response(
            200, AutomationRule[].class, "every rule (a scoped token: those of its buildings)");
    routes
        .post(LIST, this::create)
        .roles(Role.ADMIN)
        .tag(TAG)
        .summary("Create a rule (enabled unless \"enabled\": false)")
        .body(RuleRequest.class)
        .response(201, AutomationRule.class, "created; the rules job evaluates it from now on")
        .response(400, Problem.class, "malformed JSON or an invalid id")
        .response(409, Problem.class, "a rule with this id exists")
        .response(
            422,
            Problem.class,
            "a field breaks the rule's rules or names what does not exist (field path named, e.g."
                + " condition.threshold, on_trigger.target)");
    routes
        .get(ITEM, this::get)
        .roles(Role.ADMIN, Role.OPERATOR)
        .tag(TAG)
        .summary("One rule")
        .pathParam("id", "rule id")
        .response(200, AutomationRule.class, "the rule")
        .response(404, Problem.class, "no such rule");
    routes
        .put(ITEM, this::update)
        .roles(Role.ADMIN)
        .tag(TAG)
        .summary(
            "Replace a rule (a triggered rule stays triggered unless it now watches another thing)")
        .pathParam("id", "rule id")
        .body(RuleRequest.class)
        .response(200, AutomationRule.class, "replaced")
        .response(404, Problem.class, "no such rule")
        .response(422, Problem.class, "as for POST");
    routes
        .delete(ITEM, this::delete)
        .roles(Role.ADMIN)
        .tag(TAG)
        .summary("Delete a rule (the job forgets its state)")
        .pathParam("id", "rule id")
        .response(204, "deleted")
        .response(404, Problem.class, "no such rule");
    for (boolean enable : new boolean[] {true, false}) {
      String verb = enable ? "enable" : "disable";
      routes
          .post(ITEM + "/" + verb, ctx -> setEnabled(ctx, enable))
          .roles(Role.ADMIN)
          .tag(TAG)
          .summary(
              enable
                  ? "Enable a rule (it starts untriggered)"
                  : "Disable a rule (kept, not evaluated; the job forgets its state)")
          .pathParam("id", "rule id")
          .response(200, AutomationRule.class, "the rule, " + verb + "d")
          .response(404, Problem.class, "no such rule");
    }
  }

  void list(Context ctx) {
    Principal p = AccessControl.principal(ctx);
    ctx.json(rules.list(building -> scope.coversBuilding(p, building)));
  }

  void create(Context ctx) {
    RuleRequest req = Requests.body(ctx, RuleRequest.class);
    if (req.id() == null || req.id().isBlank()) {
      throw ApiException.invalid(new FieldError("id", "is required"));
    }
    AutomationRule rule = req.toRule(req.id());
    scope.requireBuilding(AccessControl.principal(ctx), rule.building());
    ctx.status(201).json(rules.create(rule));
  }

  void get(Context ctx) {
    ctx.json(readable(ctx));
  }

  void update(Context ctx) {
    AutomationRule old = readable(ctx);
    RuleRequest req = Requests.body(ctx, RuleRequest.class);
    if (req.id() != null && !req.id().equals(old.id())) {
      throw ApiException.badRequest(
          "id in the body differs from the path",
          new FieldError("id", "must equal the path's '" + old.id() + "' or be omitted"));
    }
    AutomationRule rule = req.toRule(old.id());
    scope.requireBuilding(AccessControl.principal(ctx), rule.building());
    ctx.json(rules.update(old.id(), rule));
  }

  void delete(Context ctx) {
    rules.delete(readable(ctx).id());
    ctx.status(204);
  }

  void setEnabled(Context ctx, boolean enabled) {
    ctx.json(rules.setEnabled(readable(ctx).id(), enabled));
  }

  /** The rule of the path: 400 bad id, 404 unknown, 403 outside the token's buildings. */
  private AutomationRule readable(Context ctx) {
    AutomationRule r = rules.require(ctx.pathParam("id"));
    scope.requireBuilding(AccessControl.principal(ctx), r.building());
    return r;
  }
}
