package io.devhost.server.policy;

import io.devhost.server.auth.Caller;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.modern.server.McpRequestContext;
import io.modelcontextprotocol.modern.server.RequestStateCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs the {@code requestState} DevHost hands a 2026-07-28 client and verifies it on the retry, on
 * whichever replica the retry lands: HMAC-SHA256 under the shared {@link StateKey} over the state,
 * its expiry, the caller, the method and the tool. The SDK's dispatcher calls {@link #open} before
 * any handler runs and answers {@code -32602} when it returns null.
 *
 * <p>The SDK's {@code HmacRequestStateCodec} binds the same fields, but its {@code open} answers a
 * bare null for every failure, so the audit log could not say whether a state was forged, expired
 * or someone else's; this codec tells {@code onRefusal} why. What it cannot see (the arguments, a
 * second use) the round trip checks after it, inside the signed state.
 */
public final class SignedRequestState implements RequestStateCodec {

  /** Long enough for a person to read the confirmation form and answer it. */
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(10);

  private static final String ALGORITHM = "HmacSHA256";
  private static final int VERSION = 1;
  private static final TypeRef<Map<String, Object>> MAP = new TypeRef<>() {};

  private final SecretKeySpec key;
  private final Duration ttl;
  private final Clock clock;
  private final BiConsumer<McpRequestContext, StateRefusal> onRefusal;
  private final McpJsonMapper json = McpJsonDefaults.getMapper();

  /**
   * @param onRefusal told why each refused state was refused (the audit log)
   */
  public SignedRequestState(
      StateKey key,
      Duration ttl,
      Clock clock,
      BiConsumer<McpRequestContext, StateRefusal> onRefusal) {
    this.key = new SecretKeySpec(key.bytes(), ALGORITHM);
    this.ttl = ttl;
    this.clock = clock;
    this.onRefusal = onRefusal;
  }

  /** The outcome of verifying a state: its content, or why it was refused. */
  public record Verdict(String state, StateRefusal refusal) {
    static Verdict refused(StateRefusal why) {
      return new Verdict(null, why);
    }
  }

  @Override
  public String seal(McpRequestContext ctx, String state) {
    var payload = new LinkedHashMap<String, Object>();
    payload.put("v", VERSION);
    payload.put("s", state);
    payload.put("exp", clock.millis() + ttl.toMillis());
    payload.put("p", principal(ctx));
    payload.put("m", ctx.method());
    payload.put("n", ctx.primitiveName());
    String body;
    try {
      body = base64(json.writeValueAsBytes(payload));
    } catch (IOException e) {
      throw new IllegalStateException("cannot write requestState", e);
    }
    return body + "." + base64(mac(body));
  }

  @Override
  public String open(McpRequestContext ctx, String sealed) {
    Verdict verdict = verify(ctx, sealed);
    if (verdict.refusal() != null) {
      onRefusal.accept(ctx, verdict.refusal());
    }
    return verdict.state();
  }

  /** Checks a sealed state against the request that carries it back. */
  public Verdict verify(McpRequestContext ctx, String sealed) {
    int dot = sealed == null ? -1 : sealed.lastIndexOf('.');
    if (dot < 0) {
      return Verdict.refused(StateRefusal.FORGED);
    }
    String body = sealed.substring(0, dot);
    Map<String, Object> payload;
    try {
      byte[] given = Base64.getUrlDecoder().decode(sealed.substring(dot + 1));
      if (!MessageDigest.isEqual(mac(body), given)) {
        return Verdict.refused(StateRefusal.FORGED);
      }
      payload = json.readValue(Base64.getUrlDecoder().decode(body), MAP);
    } catch (IllegalArgumentException | IOException e) {
      return Verdict.refused(StateRefusal.FORGED);
    }
    if (!(payload.get("exp") instanceof Number exp) || exp.longValue() < clock.millis()) {
      return Verdict.refused(StateRefusal.EXPIRED);
    }
    if (!Objects.equals(payload.get("p"), principal(ctx))) {
      return Verdict.refused(StateRefusal.OTHER_CALLER);
    }
    if (!Objects.equals(payload.get("m"), ctx.method())
        || !Objects.equals(payload.get("n"), ctx.primitiveName())) {
      return Verdict.refused(StateRefusal.OTHER_CALL);
    }
    return new Verdict(String.valueOf(payload.get("s")), null);
  }

  /** Who the state belongs to: the token's subject and client, or nobody in particular. */
  private static String principal(McpRequestContext ctx) {
    Caller caller = Caller.of(ctx.transportContext());
    return caller == null
        ? Caller.LOCAL_NAME
        : caller.subject() + (caller.clientId() == null ? "" : " " + caller.clientId());
  }

  private byte[] mac(String body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static String base64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
