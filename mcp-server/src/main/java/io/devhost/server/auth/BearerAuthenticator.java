package io.devhost.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides who a request's bearer token names: the holder of the static token, a caller with a valid
 * access token of the configured issuer, or nobody. Only the {@code Authorization} header is read;
 * a token in the query string is ignored (OAuth 2.1 forbids it there). Refusals carry the status
 * and {@code WWW-Authenticate} header the MCP authorization spec prescribes, and never why a
 * signature or claim failed: that goes to the debug log only.
 */
public final class BearerAuthenticator {

  private static final Logger LOG = LoggerFactory.getLogger(BearerAuthenticator.class);

  /** The outcome for one request. */
  public sealed interface Result {}

  /** Let through; {@code caller} is null when this server authenticates nobody. */
  public record Accepted(Caller caller) implements Result {}

  /**
   * Refused with this status and challenge.
   *
   * @param decision the audit log's word for it
   * @param caller the token's subject when the token was valid but not enough, else null
   */
  public record Refused(
      int status, String challenge, String decision, String caller, String message)
      implements Result {}

  private final byte[] staticTokenDigest;
  private final TokenVerifier verifier;
  private final ScopeMap scopes;
  private final String resourceMetadataUrl;
  private volatile boolean keysDown;

  /**
   * @param staticToken the single-user token, or null
   * @param verifier the access-token check, or null without OAuth
   * @param resourceMetadataUrl where this resource's RFC 9728 metadata is, or null without OAuth
   */
  public BearerAuthenticator(
      String staticToken, TokenVerifier verifier, ScopeMap scopes, String resourceMetadataUrl) {
    this.staticTokenDigest = staticToken == null ? null : sha256(staticToken);
    this.verifier = verifier;
    this.scopes = scopes;
    this.resourceMetadataUrl = resourceMetadataUrl;
  }

  public boolean enabled() {
    return staticTokenDigest != null || verifier != null;
  }

  public Result authenticate(String authorization) {
    if (!enabled()) {
      return new Accepted(null);
    }
    if (authorization == null
        || authorization.length() <= 7
        || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return new Refused(
          401, challenge(null, scopes.read()), "unauthenticated", null, "Bearer token required");
    }
    String token = authorization.substring(7).strip();
    if (staticTokenDigest != null && MessageDigest.isEqual(staticTokenDigest, sha256(token))) {
      return new Accepted(Caller.STATIC_TOKEN);
    }
    if (verifier == null) {
      return new Refused(
          401, challenge("invalid_token", null), "invalid_token", null, "Wrong bearer token");
    }
    TokenVerifier.Verified verified;
    try {
      verified = verifier.verify(token);
    } catch (TokenVerifier.InvalidToken e) {
      LOG.debug("access token refused: {}", e.getMessage());
      return new Refused(
          401,
          challenge("invalid_token", null),
          "invalid_token",
          null,
          "Invalid or expired access token");
    } catch (TokenVerifier.KeysUnavailable e) {
      keysUnavailable(e.getMessage());
      return new Refused(
          503,
          null,
          "auth_unavailable",
          null,
          "The identity provider's signing keys cannot be fetched; retry later");
    }
    keysAvailable();
    if (!scopes.grantsRead(verified.scopes())) {
      return new Refused(
          403,
          challenge("insufficient_scope", scopes.read()),
          "insufficient_scope",
          verified.subject(),
          "The access token lacks the scope " + scopes.read());
    }
    return new Accepted(
        new Caller(verified.subject(), verified.clientId(), scopes.grantsWrite(verified.scopes())));
  }

  /**
   * The refusal of a call to a tool that writes by a caller without the write scope: {@code 403
   * insufficient_scope} naming the scopes to ask for, so the client can step up.
   */
  public Refused writeScopeMissing(Caller caller) {
    return new Refused(
        403,
        challenge("insufficient_scope", scopes.read() + " " + scopes.write()),
        "insufficient_scope",
        caller.subject(),
        "The access token lacks the scope " + scopes.write());
  }

  /** RFC 6750 section 3 challenge, with RFC 9728's resource_metadata when OAuth is on. */
  private String challenge(String error, String scope) {
    if (resourceMetadataUrl == null) {
      return "Bearer realm=\"devhost\"" + (error == null ? "" : ", error=\"" + error + "\"");
    }
    var sb = new StringBuilder("Bearer ");
    if (error != null) {
      sb.append("error=\"").append(error).append("\", ");
    }
    if (scope != null) {
      sb.append("scope=\"").append(scope).append("\", ");
    }
    return sb.append("resource_metadata=\"").append(resourceMetadataUrl).append('"').toString();
  }

  /** One log line when the keys become unreachable, and one when they are back. */
  private synchronized void keysUnavailable(String reason) {
    if (!keysDown) {
      keysDown = true;
      LOG.error(
          "cannot fetch the identity provider's signing keys ({}); refusing every access token"
              + " until they can be fetched again",
          reason);
    }
  }

  private void keysAvailable() {
    if (keysDown) {
      synchronized (this) {
        if (keysDown) {
          keysDown = false;
          LOG.info("the identity provider's signing keys can be fetched again");
        }
      }
    }
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
