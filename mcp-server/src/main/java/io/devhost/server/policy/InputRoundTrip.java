package io.devhost.server.policy;

import io.devhost.core.ToolSpec;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.modern.McpSchema;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What a 2026-07-28 tool call asks of its client across requests, since no server can keep a
 * request waiting: the client's roots (for the file sandbox) and the user's confirmation of a
 * destructive call. Each question goes back in an {@code InputRequiredResult} with a {@code
 * requestState}; the client retries the same call with the answers and the state. The state ({@link
 * SignedRequestState} signs it, binding caller and tool) names what was asked, the digest of the
 * arguments it was asked for, a one-time id, and the roots an earlier round brought; so an answer
 * cannot be moved to other arguments, and each confirmation is honoured once per replica.
 */
public final class InputRoundTrip {

  /** The key of the confirmation in {@code inputRequests} and {@code inputResponses}. */
  public static final String CONFIRM = "confirm";

  /** The key of the roots request in {@code inputRequests} and {@code inputResponses}. */
  public static final String ROOTS = "roots";

  private static final TypeRef<Map<String, Object>> MAP = new TypeRef<>() {};

  private final SpentStates spent;
  private final McpJsonMapper json = McpJsonDefaults.getMapper();

  public InputRoundTrip(SpentStates spent) {
    this.spent = spent;
  }

  /**
   * What a request brings back: nothing (a first request), answers, or a refusal. A {@code
   * requestState} reaching here has passed {@link SignedRequestState}: signature, expiry, caller,
   * tool.
   *
   * @param answer the user's answer to the confirmation, or null when none was asked
   * @param roots the client's roots, or null when they were not asked for
   */
  public record Retry(Confirmer.Answer answer, List<URI> roots, StateRefusal refusal) {
    static final Retry FIRST = new Retry(null, null, null);

    static Retry refused(StateRefusal why) {
      return new Retry(null, null, why);
    }
  }

  /**
   * Checks a request's state and answers against its arguments.
   *
   * @param state the opened {@code requestState}, or null when the request had none
   * @param inputResponses the request's {@code inputResponses}, or null
   */
  public Retry check(
      Map<String, Object> arguments, String state, Map<String, Object> inputResponses) {
    Map<String, Object> responses = inputResponses == null ? Map.of() : inputResponses;
    if (state == null) {
      return responses.isEmpty() ? Retry.FIRST : Retry.refused(StateRefusal.MISSING);
    }
    Map<String, Object> fields;
    try {
      fields = json.readValue(state, MAP);
    } catch (IOException e) {
      return Retry.refused(StateRefusal.OTHER_CALL); // signed by this deployment, not by this class
    }
    Object asked = fields.get("ask");
    if (!digest(arguments).equals(fields.get("args"))
        || !(CONFIRM.equals(asked) || ROOTS.equals(asked))) {
      return Retry.refused(StateRefusal.OTHER_CALL);
    }
    if (!(responses.get(asked) instanceof Map<?, ?> response)) {
      return Retry.refused(StateRefusal.UNANSWERED);
    }
    if (ROOTS.equals(asked)) {
      return new Retry(null, uris(response.get("roots")), null);
    }
    if (!spent.spend(String.valueOf(fields.get("id")))) {
      return Retry.refused(StateRefusal.REPLAYED);
    }
    Map<String, Object> content =
        response.get("content") instanceof Map<?, ?> c ? stringKeys(c) : Map.of();
    return new Retry(
        ConfirmationForm.answer(String.valueOf(response.get("action")), content),
        fields.containsKey("roots") ? uris(fields.get("roots")) : null,
        null);
  }

  /** Asks for the client's roots, which the file sandbox narrows its own roots to. */
  public McpSchema.InputRequiredResult rootsQuestion(Map<String, Object> arguments) {
    return McpSchema.InputRequiredResult.builder()
        .listRoots(ROOTS)
        .requestState(state(ROOTS, arguments, null))
        .build();
  }

  /**
   * Asks the user to confirm a destructive call: the confirmation form, and the state to send back.
   *
   * @param roots the client's roots from an earlier round, carried to the next; or null
   */
  public McpSchema.InputRequiredResult confirmQuestion(
      ToolSpec<?, ?> tool, Map<String, Object> arguments, List<URI> roots) {
    var form =
        McpSchema.ElicitFormRequest.builder(
                ConfirmationForm.message(tool, arguments), ConfirmationForm.schema(tool))
            .build();
    return McpSchema.InputRequiredResult.builder()
        .elicit(CONFIRM, form)
        .requestState(state(CONFIRM, arguments, roots))
        .build();
  }

  private String state(String asked, Map<String, Object> arguments, List<URI> roots) {
    var fields = new LinkedHashMap<String, Object>();
    fields.put("ask", asked);
    fields.put("args", digest(arguments));
    fields.put("id", UUID.randomUUID().toString());
    if (roots != null) {
      fields.put("roots", roots.stream().map(URI::toString).toList());
    }
    try {
      return json.writeValueAsString(fields);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write requestState", e);
    }
  }

  /** The URIs of a {@code roots/list} result's roots, or of the roots a state carries. */
  private static List<URI> uris(Object roots) {
    if (!(roots instanceof List<?> list)) {
      return List.of();
    }
    return list.stream()
        .map(r -> r instanceof Map<?, ?> root ? root.get("uri") : r)
        .map(InputRoundTrip::uri)
        .filter(uri -> uri != null)
        .toList();
  }

  /** A root's URI, or null for one that is not a URI (the sandbox then ignores it). */
  private static URI uri(Object value) {
    try {
      return value instanceof String s ? new URI(s) : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static Map<String, Object> stringKeys(Map<?, ?> map) {
    var copy = new LinkedHashMap<String, Object>();
    map.forEach((k, v) -> copy.put(String.valueOf(k), v));
    return copy;
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
      return list.stream().map(InputRoundTrip::canonical).toList();
    }
    return value;
  }
}
