package io.voltstream.api.commands;

import io.javalin.http.Context;
import io.voltstream.api.auth.Role;
import io.voltstream.api.commands.dto.CommandResponse;
import io.voltstream.api.error.ApiException;
import io.voltstream.api.error.Problem;
import io.voltstream.api.registry.Names;
import io.voltstream.api.route.AccessControl;
import io.voltstream.api.route.ResourceRoutes;
import io.voltstream.api.route.RouteTable;
import io.voltstream.api.scope.ResourceScope;
import io.voltstream.model.command.CommandStatus;

/**
 * {@code GET /api/v1/commands/{id}}: a command's latest status (admin and operator: operators
 * monitor). A building-scoped token reads only commands of its building's targets. IO only; {@link
 * CommandService} decides.
 */
public final class CommandController implements ResourceRoutes {
  private final CommandService commands;
  private final ResourceScope scope;

  public CommandController(CommandService commands, ResourceScope scope) {
    this.commands = commands;
    this.scope = scope;
  }

  @Override
  public void registerRoutes(RouteTable routes) {
    routes
        .get("/api/v1/commands/{id}", this::get)
        .roles(Role.ADMIN, Role.OPERATOR)
        .tag("Commands")
        .summary("A command's latest status")
        .pathParam("id", "command id")
        .response(200, CommandResponse.class, "pending, applied, rejected, expired or timeout")
        .response(404, Problem.class, "no such command");
  }

  void get(Context ctx) {
    String id = Names.require("id", ctx.pathParam("id"));
    CommandStatus s =
        commands.status(id).orElseThrow(() -> ApiException.notFound("no command '" + id + "'"));
    if (s.building() == null) {
      ResourceScope.requireUnscoped(
          AccessControl.principal(ctx), "read a command without a building");
    } else {
      scope.requireBuilding(AccessControl.principal(ctx), s.building());
    }
    ctx.json(CommandResponse.from(s));
  }
}
