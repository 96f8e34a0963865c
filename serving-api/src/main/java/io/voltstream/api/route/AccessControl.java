package io.voltstream.api.route;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.voltstream.api.auth.AuthException;
import io.voltstream.api.auth.Principal;
import io.voltstream.api.auth.RateLimitedException;
import io.voltstream.api.auth.RateLimiter;
import io.voltstream.api.auth.TokenAuthenticator;
import io.voltstream.api.error.ApiException;
import java.util.Locale;

/**
 * The one access check ({@code beforeMatched}) for every route of the route table, in this order:
 * 401 without a valid token, 403 when the token's role is not among the route's roles, 429 when the
 * caller exceeded its rate, 413 when the declared body is over the limit, 415 when a JSON route
 * gets another media type. Public routes and failed authentications are rate limited per IP.
 * Requests that did not match a route-table endpoint (static files) pass untouched.
 */
public final class AccessControl {
  /** Context attribute holding the request's {@link Principal}. */
  public static final String PRINCIPAL = "voltstream.principal";

  private final TokenAuthenticator authenticator;
  private final RateLimiter limiter;
  private final long maxBodyBytes;

  public AccessControl(TokenAuthenticator authenticator, RateLimiter limiter, long maxBodyBytes) {
    this.authenticator = authenticator;
    this.limiter = limiter;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** The principal of an authenticated request (routes with roles always have one). */
  public static Principal principal(Context ctx) {
    Principal p = ctx.attribute(PRINCIPAL);
    if (p == null) {
      throw new ApiException(ApiException.Kind.UNAUTHORIZED, "no authenticated principal");
    }
    return p;
  }

  public void check(Context ctx) throws AuthException {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    RouteSpec spec = endpoint == null ? null : endpoint.metadata(RouteSpec.class);
    if (spec == null) {
      return;
    }
    if (spec.access() != RouteSpec.Access.ROLES) {
      rateLimit("ip:" + ctx.ip());
      return;
    }
    Principal p;
    try {
      p = authenticator.authenticate(TokenAuthenticator.bearerToken(ctx.header("Authorization")));
    } catch (AuthException e) {
      rateLimit(
          "ip:" + ctx.ip()); // guessing tokens costs the caller's IP budget: 429 instead of endless
      // 401s
      throw e;
    }
    ctx.attribute(PRINCIPAL, p);
    if (!spec.roles().contains(p.role())) {
      throw ApiException.forbidden(
          "role '" + p.role().wireName() + "' may not " + spec.method() + " " + spec.path());
    }
    rateLimit("token:" + p.tokenId());
    checkBody(ctx, spec);
  }

  private void rateLimit(String key) {
    RateLimiter.Decision d = limiter.tryAcquire(key);
    if (!d.allowed()) {
      throw new RateLimitedException(d.retryAfter());
    }
  }

  private void checkBody(Context ctx, RouteSpec spec) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBodyBytes) {
      throw new ApiException(
          ApiException.Kind.PAYLOAD_TOO_LARGE,
          "request body of " + declared + " bytes exceeds the limit of " + maxBodyBytes + " bytes");
    }
    if (!spec.isJsonBodyRoute()) {
      return;
    }
    boolean hasBody = declared > 0 || ctx.header("Transfer-Encoding") != null;
    String type = ctx.contentType();
    if (hasBody && (type == null || !isJson(type))) {
      throw new ApiException(
          ApiException.Kind.UNSUPPORTED_MEDIA_TYPE,
          "this route takes application/json, not "
              + (type == null ? "an untyped body" : "'" + type + "'"));
    }
  }

  private static boolean isJson(String contentType) {
    String t = contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].trim();
    return t.equals("application/json") || t.endsWith("+json");
  }
}
