package io.voltstream.api.auth;

import io.voltstream.api.error.ApiException;
import io.voltstream.api.error.FieldError;
import io.voltstream.api.store.ChangeListener;
import io.voltstream.api.store.ReplicatedMap;
import io.voltstream.model.EntityId;
import io.voltstream.model.Revocation;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Mints, lists, validates and revokes API tokens. Metadata and revocations live in two replicated
 * maps (compacted Kafka topics in production), so every API instance lists the same tokens and
 * rejects a revoked id as soon as it has read the revocation. Revocations are permanent: the
 * revocations map must ignore tombstones ({@link io.voltstream.api.store.TombstonePolicy#IGNORE}),
 * and {@link #onRevocation} tells the live socket, which closes the token's open sessions.
 */
public final class TokenService {
  /** Longest lifetime a minted token may ask for: 10 years. */
  public static final Duration MAX_TTL = Duration.ofDays(3650);

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@ -]{1,64}");
  private static final Set<String> PERMISSION_KINDS = Set.of("building", "room", "sensor");

  private final JwtService jwt;
  private final ReplicatedMap<TokenRecord> tokens;
  private final ReplicatedMap<Revocation> revocations;
  private final Clock clock;
  private final Duration defaultTtl;

  public TokenService(
      JwtService jwt,
      ReplicatedMap<TokenRecord> tokens,
      ReplicatedMap<Revocation> revocations,
      Clock clock,
      Duration defaultTtl) {
    this.jwt = jwt;
    this.tokens = tokens;
    this.revocations = revocations;
    this.clock = clock;
    this.defaultTtl = defaultTtl;
  }

  /** Result of {@link #generate}: the signed token and its stored metadata. */
  public record Minted(IssuedToken token, TokenRecord record) {}

  /** Result of {@link #validate}: the principal when valid, else the reason. */
  public record Validation(boolean valid, Principal principal, String reason) {}

  /**
   * Mints a token named {@code name} for {@code role}; {@code ttl} null uses the default lifetime.
   * Invalid fields give 400 naming each of them.
   */
  public Minted generate(
      String name, String role, Long expiresInS, List<String> permissions, String issuedBy) {
    List<FieldError> errors = new ArrayList<>();
    if (name == null || !NAME.matcher(name).matches()) {
      errors.add(
          new FieldError("name", "required, 1-64 characters of letters, digits, space and ._@-"));
    }
    Optional<Role> r = Role.fromWireName(role);
    if (r.isEmpty()) {
      errors.add(new FieldError("role", "must be one of admin, operator, viewer"));
    }
    if (expiresInS != null && (expiresInS < 1 || expiresInS > MAX_TTL.toSeconds())) {
      errors.add(new FieldError("expires_in_s", "must be between 1 and " + MAX_TTL.toSeconds()));
    }
    List<String> perms = permissions == null ? List.of() : permissions;
    for (int i = 0; i < perms.size(); i++) {
      if (!isPermission(perms.get(i))) {
        errors.add(
            new FieldError(
                "permissions[" + i + "]",
                "must look like room:<name>, sensor:<id> or building:<id>"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ApiException(ApiException.Kind.BAD_REQUEST, "invalid token request", errors);
    }
    Duration ttl = expiresInS == null ? defaultTtl : Duration.ofSeconds(expiresInS);
    return mint(name, r.get(), perms, ttl, issuedBy);
  }

  /** Mints without request validation (bootstrap). */
  public Minted mint(
      String name, Role role, List<String> permissions, Duration ttl, String issuedBy) {
    IssuedToken t = jwt.issue(name, role, permissions, ttl);
    TokenRecord rec =
        new TokenRecord(t.id(), name, role, permissions, t.issuedAt(), t.expiresAt(), issuedBy);
    tokens.put(t.id(), rec);
    return new Minted(t, rec);
  }

  public Validation validate(String rawToken) {
    try {
      return new Validation(true, jwt.authenticate(rawToken), null);
    } catch (AuthException e) {
      return new Validation(false, null, e.reason().text());
    }
  }

  /** Every issued token, newest first, with whether it is revoked. */
  public List<Listed> list() {
    var revoked = revocations.snapshot();
    return tokens.snapshot().values().stream()
        .sorted(
            Comparator.comparing(TokenRecord::issuedAt).reversed().thenComparing(TokenRecord::id))
        .map(
            t ->
                new Listed(t, revoked.containsKey(t.id()), !t.expiresAt().isAfter(clock.instant())))
        .toList();
  }

  /** A token of {@link #list()}: its metadata, whether it was revoked and whether it expired. */
  public record Listed(TokenRecord record, boolean revoked, boolean expired) {}

  /**
   * Revokes a token given by {@code id} or by the token itself (ours, even if expired). Returns the
   * revoked id; revoking twice is harmless. 404 when the id was never issued here.
   */
  public Revocation revoke(String id, String rawToken, String revokedBy) {
    String target = id;
    if ((target == null || target.isBlank()) && rawToken != null) {
      target =
          jwt.idOfGenuineToken(rawToken)
              .orElseThrow(
                  () ->
                      ApiException.badRequest(
                          "token is not one of ours",
                          new FieldError("token", "not a token issued by this API")));
    }
    if (target == null || target.isBlank()) {
      throw ApiException.badRequest(
          "give the token's id or the token",
          new FieldError("id", "required unless token is given"));
    }
    if (tokens.get(target).isEmpty()) {
      throw ApiException.notFound("no token with id '" + target + "'");
    }
    Optional<Revocation> existing = revocations.get(target);
    if (existing.isPresent()) {
      return existing.get();
    }
    Revocation rev = new Revocation(target, clock.instant(), revokedBy);
    revocations.put(target, rev);
    return rev;
  }

  public boolean isRevoked(String tokenId) {
    return revocations.get(tokenId).isPresent();
  }

  /**
   * Calls {@code revokedTokenId} with the id of every token revoked from now on, on any instance,
   * once this instance rejects it (on the revocation reader's thread: hand longer work off).
   */
  public ChangeListener.Registration onRevocation(Consumer<String> revokedTokenId) {
    return revocations.listen(
        (id, revocation) -> {
          if (revocation != null) {
            revokedTokenId.accept(id);
          }
        });
  }

  /** Tombstones on the revocations that were ignored (someone tried to un-revoke a token). */
  public long ignoredRevocationTombstones() {
    return revocations.ignoredTombstones();
  }

  /**
   * {@code <kind>:<id>} with kind building, room or sensor and an {@link EntityId} or {@code *}.
   */
  private static boolean isPermission(String permission) {
    int colon = permission == null ? -1 : permission.indexOf(':');
    if (colon < 0) {
      return false;
    }
    String id = permission.substring(colon + 1);
    return PERMISSION_KINDS.contains(permission.substring(0, colon))
        && (id.equals("*") || EntityId.isValid(id));
  }
}
