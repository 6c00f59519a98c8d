package io.devhost.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Checks a JWT access token the way an OAuth 2.1 resource server must: signed (never {@code alg:
 * none}) with an asymmetric algorithm from the allow-list by a key of the issuer's JWKS, issued by
 * the configured issuer, for this resource ({@code aud}), and within {@code nbf}/{@code exp}
 * allowing {@link #MAX_CLOCK_SKEW_SECONDS} of clock skew. An allow-list of only asymmetric
 * algorithms is what stops the HS256-with-the-public-key confusion: no HMAC key is ever derived
 * from the JWKS.
 */
public final class TokenVerifier {

  static final int MAX_CLOCK_SKEW_SECONDS = 60;

  private static final Set<JWSAlgorithm> ALLOWED_ALGORITHMS =
      Set.of(
          JWSAlgorithm.RS256,
          JWSAlgorithm.RS384,
          JWSAlgorithm.RS512,
          JWSAlgorithm.PS256,
          JWSAlgorithm.PS384,
          JWSAlgorithm.PS512,
          JWSAlgorithm.ES256,
          JWSAlgorithm.ES384,
          JWSAlgorithm.ES512,
          JWSAlgorithm.EdDSA,
          JWSAlgorithm.Ed25519);

  /** A token that checked out: who it names and what it grants. */
  public record Verified(String subject, String clientId, Set<String> scopes) {}

  /** The token is not acceptable; the reason is for the operator's debug log only. */
  public static final class InvalidToken extends Exception {
    InvalidToken(String reason) {
      super(reason, null, false, false);
    }
  }

  /** The issuer's keys cannot be fetched, so no token can be checked: fail closed. */
  public static final class KeysUnavailable extends Exception {
    KeysUnavailable(String reason) {
      super(reason, null, false, false);
    }
  }

  private final DefaultJWTProcessor<SecurityContext> processor;

  public TokenVerifier(String issuer, String audience, JWKSource<SecurityContext> keys) {
    processor = new DefaultJWTProcessor<>();
    // RFC 9068 access tokens say at+jwt; Keycloak and others say JWT.
    processor.setJWSTypeVerifier(
        new DefaultJOSEObjectTypeVerifier<>(
            JOSEObjectType.JWT,
            new JOSEObjectType("at+jwt"),
            new JOSEObjectType("application/at+jwt"),
            null));
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALLOWED_ALGORITHMS, keys));
    var claims =
        new DefaultJWTClaimsVerifier<SecurityContext>(
            Set.of(audience),
            new JWTClaimsSet.Builder().issuer(issuer).build(),
            Set.of("sub", "exp"),
            null);
    claims.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
    processor.setJWTClaimsSetVerifier(claims);
  }

  public Verified verify(String token) throws InvalidToken, KeysUnavailable {
    JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
    } catch (RateLimitReachedException e) {
      // An unknown kid while refetching is throttled: the keys we have do not match this token.
      throw new InvalidToken("unknown key id; key refetch rate-limited");
    } catch (KeySourceException e) {
      throw new KeysUnavailable(e.getMessage());
    } catch (ParseException | BadJOSEException | JOSEException e) {
      throw new InvalidToken(e.getMessage());
    }
    return new Verified(claims.getSubject(), clientId(claims), scopes(claims));
  }

  private static String clientId(JWTClaimsSet claims) {
    for (String name : List.of("azp", "client_id")) {
      if (claims.getClaim(name) instanceof String id && !id.isBlank()) {
        return id;
      }
    }
    return null;
  }

  /** {@code scope} is a space-separated string (RFC 9068); some providers send {@code scp}. */
  private static Set<String> scopes(JWTClaimsSet claims) {
    Object scope = claims.getClaim("scope");
    if (scope == null) {
      scope = claims.getClaim("scp");
    }
    if (scope instanceof String s) {
      return Set.copyOf(Arrays.asList(s.trim().split("\\s+")));
    }
    if (scope instanceof List<?> list) {
      return Set.copyOf(list.stream().map(String::valueOf).toList());
    }
    return Set.of();
  }
}
