package io.voltstream.api.dr;

import io.javalin.http.Context;
import io.voltstream.api.auth.Principal;
import io.voltstream.api.auth.Role;
import io.voltstream.api.dr.dto.OpenAdr;
import io.voltstream.api.route.AccessControl;
import io.voltstream.api.route.ResourceRoutes;
import io.voltstream.api.route.RouteTable;
import io.voltstream.api.scope.ResourceScope;
import java.util.List;

/**
 * OpenADR-3-shaped read views over the invitations and the DR job's reports ({@link OpenAdrViews}):
 * {@code GET /api/v1/demand-response/programs|events|reports}. Admin and operator read; a scoped
 * token sees the objects of its buildings only.
 */
public final class OpenAdrController implements ResourceRoutes {
  private static final String TAG = "Demand response";
  private final DrService dr;
  private final ResourceScope scope;

  public OpenAdrController(DrService dr, ResourceScope scope) {
    this.dr = dr;
    this.scope = scope;
  }

  @Override
  public void registerRoutes(RouteTable routes) {
    routes
        .get(DrController.BASE + "/programs", this::programs)
        .roles(Role.ADMIN, Role.OPERATOR)
        .tag(TAG)
        .summary("OpenADR 3 programs (the default program and any named by invitations)")
        .response(200, OpenAdr.Program[].class, "programs");
    routes
        .get(DrController.BASE + "/events", this::events)
        .roles(Role.ADMIN, Role.OPERATOR)
        .tag(TAG)
        .summary("OpenADR 3 events: the invitations that are not cancelled")
        .response(200, OpenAdr.Event[].class, "events");
    routes
        .get(DrController.BASE + "/reports", this::reports)
        .roles(Role.ADMIN, Role.OPERATOR)
        .tag(TAG)
        .summary("OpenADR 3 reports: the DR job's latest report per event")
        .response(200, OpenAdr.Report[].class, "reports");
  }

  void programs(Context ctx) {
    ctx.json(OpenAdrViews.programs(entries(ctx)));
  }

  void events(Context ctx) {
    ctx.json(OpenAdrViews.events(entries(ctx)));
  }

  void reports(Context ctx) {
    ctx.json(OpenAdrViews.reports(entries(ctx)));
  }

  private List<DrService.Entry> entries(Context ctx) {
    Principal p = AccessControl.principal(ctx);
    return dr.entries(b -> scope.coversBuilding(p, b));
  }
}
