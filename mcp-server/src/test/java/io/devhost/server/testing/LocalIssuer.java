package io.devhost.server.testing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An OAuth authorization server reduced to what a resource server sees: OpenID discovery metadata
 * and a JWKS on a loopback port, RSA keys generated here, and access tokens signed with them. Keys
 * can be rotated; JWKS fetches are counted.
 */
public final class LocalIssuer implements AutoCloseable {

  private final HttpServer http;
  private final AtomicInteger jwksFetches = new AtomicInteger();
  private volatile RSAKey signingKey;

  private LocalIssuer(HttpServer http, RSAKey key) {
    this.http = http;
    this.signingKey = key;
  }

  public static LocalIssuer start() throws Exception {
    var http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    var issuer = new LocalIssuer(http, newKey("key-1"));
    http.createContext(
        "/realms/test/.well-known/openid-configuration",
        ex ->
            send(
                ex,
                "{\"issuer\":\""
                    + issuer.issuer()
                    + "\",\"jwks_uri\":\""
                    + issuer.issuer().resolve("/jwks")
                    + "\"}"));
    http.createContext(
        "/jwks",
        ex -> {
          issuer.jwksFetches.incrementAndGet();
          send(ex, new JWKSet(issuer.signingKey.toPublicJWK()).toString());
        });
    http.start();
    return issuer;
  }

  private static RSAKey newKey(String kid) throws Exception {
    return new RSAKeyGenerator(2048).keyID(kid).generate();
  }

  private static void send(HttpExchange ex, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(200, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  /** The issuer URL, without a trailing slash, as tokens name it in {@code iss}. */
  public URI issuer() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/realms/test");
  }

  public RSAKey signingKey() {
    return signingKey;
  }

  /** Replaces the signing key; the JWKS serves only the new one from now on. */
  public void rotate(String kid) throws Exception {
    signingKey = newKey(kid);
  }

  public int jwksFetches() {
    return jwksFetches.get();
  }

  /** Claims of a valid token for {@code audience}; tests change what they test. */
  public JWTClaimsSet.Builder claims(String audience, String subject, String scope) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(issuer().toString())
        .audience(audience)
        .subject(subject)
        .claim("azp", "test-client")
        .claim("scope", scope)
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300)));
  }

  public String token(String audience, String subject, String scope) throws Exception {
    return sign(claims(audience, subject, scope).build(), signingKey, h -> {});
  }

  /** Signs {@code claims} with RS256 by {@code key}, the header adjusted by {@code header}. */
  public static String sign(JWTClaimsSet claims, RSAKey key, Consumer<JWSHeader.Builder> header)
      throws Exception {
    var h =
        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT);
    header.accept(h);
    var jwt = new SignedJWT(h.build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
