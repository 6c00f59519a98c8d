package io.devhost.server.policy;

import io.devhost.core.ToolSpec;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.modern.McpSchema;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Confirmation of a destructive call for a 2026-07-28 client, which no server can keep waiting: the
 * first request is answered with an {@code InputRequiredResult} holding the confirmation form and a
 * {@code requestState}; the client asks its user and retries the same call with the answer and the
 * state. The state ({@link SignedRequestState} signs it, binding caller and tool) names the digest
 * of the arguments it was issued for and a one-time id, so an answer cannot be moved to other
 * arguments, and each confirmation is honoured once per replica.
 */
public final class ConfirmationRoundTrip {

  /** The key of the confirmation in {@code inputRequests} and {@code inputResponses}. */
  public static final String INPUT_KEY = "confirm";

  private static final String KIND = "confirm";
  private static final TypeRef<Map<String, Object>> MAP = new TypeRef<>() {};

  private final SpentStates spent;
  private final McpJsonMapper json = McpJsonDefaults.getMapper();

  public ConfirmationRoundTrip(SpentStates spent) {
    this.spent = spent;
  }

  /**
   * What a request brings back: nothing (a first request), the user's answer, or a refusal. A
   * {@code requestState} reaching here has passed {@link SignedRequestState}: signature, expiry,
   * caller, tool.
   */
  public record Retry(Confirmer.Answer answer, StateRefusal refusal) {
    static final Retry FIRST = new Retry(null, null);

    /** True for a request that carries neither state nor answer. */
    public boolean first() {
      return answer == null && refusal == null;
    }
  }

  /**
   * Checks a request's state and answer against its arguments.
   *
   * @param state the opened {@code requestState}, or null when the request had none
   * @param inputResponses the request's {@code inputResponses}, or null
   */
  public Retry check(
      Map<String, Object> arguments, String state, Map<String, Object> inputResponses) {
    Object response = inputResponses == null ? null : inputResponses.get(INPUT_KEY);
    if (state == null) {
      return response == null ? Retry.FIRST : new Retry(null, StateRefusal.MISSING);
    }
    Map<String, Object> fields;
    try {
      fields = json.readValue(state, MAP);
    } catch (IOException e) {
      return new Retry(null, StateRefusal.OTHER_CALL); // signed by us, but not a confirmation
    }
    if (!KIND.equals(fields.get("ask")) || !digest(arguments).equals(fields.get("args"))) {
      return new Retry(null, StateRefusal.OTHER_CALL);
    }
    if (!(response instanceof Map<?, ?> answer)) {
      return new Retry(null, StateRefusal.UNANSWERED);
    }
    if (!spent.spend(String.valueOf(fields.get("id")))) {
      return new Retry(null, StateRefusal.REPLAYED);
    }
    @SuppressWarnings("unchecked")
    var content =
        answer.get("content") instanceof Map<?, ?> c
            ? (Map<String, Object>) c
            : Map.<String, Object>of();
    return new Retry(ConfirmationForm.answer(String.valueOf(answer.get("action")), content), null);
  }

  /** The question to put to the client: the confirmation form, and the state to send back. */
  public McpSchema.InputRequiredResult question(
      ToolSpec<?, ?> tool, Map<String, Object> arguments) {
    var form =
        McpSchema.ElicitFormRequest.builder(
                ConfirmationForm.message(tool, arguments), ConfirmationForm.schema(tool))
            .build();
    String state;
    try {
      state =
          json.writeValueAsString(
              Map.of("ask", KIND, "args", digest(arguments), "id", UUID.randomUUID().toString()));
    } catch (IOException e) {
      throw new IllegalStateException("cannot write requestState", e);
    }
    return McpSchema.InputRequiredResult.builder()
        .elicit(INPUT_KEY, form)
        .requestState(state)
        .build();
  }

  /** SHA-256 of the arguments as canonical JSON (keys sorted at every level). */
  String digest(Map<String, Object> arguments) {
    try {
      byte[] canonical =
          json.writeValueAsBytes(canonical(arguments == null ? Map.of() : arguments));
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot digest arguments", e);
    }
  }

  private static Object canonical(Object value) {
    if (value instanceof Map<?, ?> map) {
      var sorted = new TreeMap<String, Object>();
      map.forEach((k, v) -> sorted.put(String.valueOf(k), canonical(v)));
      return sorted;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(ConfirmationRoundTrip::canonical).toList();
    }
    return value;
  }
}
