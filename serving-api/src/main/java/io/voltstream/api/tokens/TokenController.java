package io.voltstream.api.tokens;

import io.javalin.http.Context;
import io.voltstream.api.auth.Principal;
import io.voltstream.api.auth.Role;
import io.voltstream.api.auth.TokenService;
import io.voltstream.api.error.ApiException;
import io.voltstream.api.error.FieldError;
import io.voltstream.api.error.Problem;
import io.voltstream.api.route.AccessControl;
import io.voltstream.api.route.Requests;
import io.voltstream.api.route.ResourceRoutes;
import io.voltstream.api.route.RouteTable;
import io.voltstream.api.scope.ResourceScope;
import io.voltstream.api.tokens.dto.GenerateTokenRequest;
import io.voltstream.api.tokens.dto.GenerateTokenResponse;
import io.voltstream.api.tokens.dto.RevokeTokenRequest;
import io.voltstream.api.tokens.dto.RevokeTokenResponse;
import io.voltstream.api.tokens.dto.TokenResponse;
import io.voltstream.api.tokens.dto.ValidateTokenRequest;
import io.voltstream.api.tokens.dto.ValidateTokenResponse;
import java.util.List;

/**
 * Token management endpoints: mint, validate, list and revoke. Admin only, and only with an
 * unscoped token (a token limited to some resources could otherwise mint itself an unlimited one).
 * IO only; {@link TokenService} decides.
 */
public final class TokenController implements ResourceRoutes {
  private static final String TAG = "Tokens";
  private final TokenService tokens;

  public TokenController(TokenService tokens) {
    this.tokens = tokens;
  }

  @Override
  public void registerRoutes(RouteTable routes) {
    routes
        .post("/api/v1/tokens/generate", this::generate)
        .roles(Role.ADMIN)
        .tag(TAG)
        .summary("Mint a token")
        .description(
            "Signs a JWT for `name` with `role` (admin, operator, viewer), optional `expires_in_s`"
                + " and resource `permissions` (room:<name>, sensor:<id>, building:<id>). The token"
                + " is shown only here.")
        .body(GenerateTokenRequest.class)
        .response(201, GenerateTokenResponse.class, "the new token")
        .response(400, Problem.class, "invalid fields");
    routes
        .post("/api/v1/tokens/validate", this::validate)
        .roles(Role.ADMIN)
        .tag(TAG)
        .summary("Check a token")
        .body(ValidateTokenRequest.class)
        .response(
            200, ValidateTokenResponse.class, "whether the token is accepted now, and why not");
    routes
        .get("/api/v1/tokens", this::list)
        .roles(Role.ADMIN)
        .tag(TAG)
        .summary("List issued tokens (without secrets)")
        .response(200, TokenResponse[].class, "issued tokens, newest first");
    routes
        .post("/api/v1/tokens/revoke", this::revoke)
        .roles(Role.ADMIN)
        .tag(TAG)
        .summary("Revoke a token")
        .description(
            "Revokes by `id` or by `token`; every API instance rejects it within a second.")
        .body(RevokeTokenRequest.class)
        .response(200, RevokeTokenResponse.class, "revoked")
        .response(404, Problem.class, "no such token id");
  }

  void generate(Context ctx) {
    Principal by = AccessControl.principal(ctx);
    ResourceScope.requireUnscoped(by, "manage tokens");
    GenerateTokenRequest req = Requests.body(ctx, GenerateTokenRequest.class);
    var minted =
        tokens.generate(req.name(), req.role(), req.expiresInS(), req.permissions(), by.subject());
    ctx.status(201).json(GenerateTokenResponse.from(minted));
  }

  void validate(Context ctx) {
    ResourceScope.requireUnscoped(AccessControl.principal(ctx), "manage tokens");
    ValidateTokenRequest req = Requests.body(ctx, ValidateTokenRequest.class);
    if (req.token() == null || req.token().isBlank()) {
      throw ApiException.badRequest("token is required", new FieldError("token", "required"));
    }
    ctx.json(ValidateTokenResponse.from(tokens.validate(req.token())));
  }

  void list(Context ctx) {
    ResourceScope.requireUnscoped(AccessControl.principal(ctx), "manage tokens");
    List<TokenResponse> out = tokens.list().stream().map(TokenResponse::from).toList();
    ctx.json(out);
  }

  void revoke(Context ctx) {
    Principal by = AccessControl.principal(ctx);
    ResourceScope.requireUnscoped(by, "manage tokens");
    RevokeTokenRequest req = Requests.body(ctx, RevokeTokenRequest.class);
    ctx.json(RevokeTokenResponse.from(tokens.revoke(req.id(), req.token(), by.subject())));
  }
}
