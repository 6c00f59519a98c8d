package io.devhost.server.mcp;

import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Looks at each incoming JSON-RPC message before the SDK does.
 *
 * <ul>
 *   <li>Every {@code tools/call} gets its request id stamped into {@code params._meta}, so the
 *       handler can be found again when the client cancels it.
 *   <li>{@code notifications/cancelled} is passed to the {@link CancellationRegistry}; the SDK
 *       routes no such notification to tool handlers.
 *   <li>Input that is not JSON-RPC is answered here with a JSON-RPC error and never reaches the
 *       SDK: the SDK's stdio transport stops reading for good after one unparseable line, which
 *       would leave the client hanging.
 * </ul>
 */
public final class RequestTagger {

  /** The {@code _meta} key carrying the request id; a client-supplied value is overwritten. */
  public static final String REQUEST_ID_META = "io.devhost/requestId";

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final CancellationRegistry cancellations;
  private final Runnable onRequest;

  /** A tagger for transports that need not know when a request arrives. */
  public RequestTagger(CancellationRegistry cancellations) {
    this(cancellations, () -> {});
  }

  /**
   * @param onRequest called for each request passed on to the SDK (a message with a method and an
   *     id), which the SDK will answer
   */
  public RequestTagger(CancellationRegistry cancellations, Runnable onRequest) {
    this.cancellations = cancellations;
    this.onRequest = onRequest;
  }

  /** A message the SDK must not see, with the error response to send instead. */
  public static final class InvalidMessage extends Exception {
    private final String response;

    InvalidMessage(String response) {
      super(null, null, false, false);
      this.response = response;
    }

    /** The JSON-RPC error response for the client, one line. */
    public String response() {
      return response;
    }
  }

  /** Returns the message to hand to the SDK: unchanged, or with the request id stamped in. */
  public String tag(String message) throws InvalidMessage {
    return tag(message, "");
  }

  /**
   * Like {@link #tag(String)}, for transports that carry many sessions: JSON-RPC ids are unique
   * only within a session, so the ids are kept apart by {@code scope} (the session id), and one
   * session cannot cancel another's call.
   */
  public String tag(String message, String scope) throws InvalidMessage {
    JsonNode node;
    try {
      node = MAPPER.readTree(message);
    } catch (JacksonException e) {
      throw new InvalidMessage(error(null, -32700, "Parse error: the message is not valid JSON."));
    }
    if (!(node instanceof ObjectNode obj) || !"2.0".equals(obj.path("jsonrpc").asString(null))) {
      throw new InvalidMessage(
          error(idOf(node), -32600, "Invalid Request: expected a JSON-RPC 2.0 object."));
    }
    JsonNode method = obj.get("method");
    if (method == null) {
      if (obj.has("id") && (obj.has("result") || obj.has("error"))) {
        return message; // a response to a request the server sent (roots, elicitation)
      }
      throw new InvalidMessage(error(idOf(obj), -32600, "Invalid Request: no method."));
    }
    if (!method.isString()) {
      throw new InvalidMessage(
          error(idOf(obj), -32600, "Invalid Request: method is not a string."));
    }
    if (obj.has("id")) {
      onRequest.run();
    }
    switch (method.asString()) {
      case "notifications/cancelled" -> {
        JsonNode id = obj.path("params").path("requestId");
        if (!id.isMissingNode() && !id.isNull()) {
          cancellations.cancel(idKey(scope, id));
        }
        return message;
      }
      case "tools/call" -> {
        if (obj.hasNonNull("id") && obj.get("params") instanceof ObjectNode params) {
          ObjectNode meta =
              params.get("_meta") instanceof ObjectNode m ? m : params.putObject("_meta");
          meta.put(REQUEST_ID_META, idKey(scope, obj.get("id")));
          return MAPPER.writeValueAsString(obj);
        }
        return message;
      }
      default -> {
        return message;
      }
    }
  }

  /** The id of a tagged call, or null for a call that did not pass through a tagger. */
  public static String requestIdOf(Map<String, Object> meta) {
    Object id = meta == null ? null : meta.get(REQUEST_ID_META);
    return id == null ? null : id.toString();
  }

  private static JsonNode idOf(JsonNode node) {
    JsonNode id = node == null ? null : node.get("id");
    return id != null && (id.isString() || id.isNumber()) ? id : null;
  }

  private static String error(JsonNode id, int code, String message) {
    ObjectNode response = MAPPER.createObjectNode().put("jsonrpc", "2.0");
    if (id == null) {
      response.putNull("id");
    } else {
      response.set("id", id);
    }
    response.putObject("error").put("code", code).put("message", message);
    return MAPPER.writeValueAsString(response);
  }

  private static String idKey(String scope, JsonNode id) {
    // 7 and "7" are different ids in JSON-RPC.
    return scope + (id.isString() ? "|s:" + id.asString() : "|n:" + id.toString());
  }
}
