package io.devhost.server.mcp;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Looks at each incoming JSON-RPC message before the SDK does: it stamps every {@code tools/call}
 * with its request id (in {@code params._meta}) so the handler can be found again, and it passes
 * {@code notifications/cancelled} to the {@link CancellationRegistry}. Other messages go through
 * unparsed.
 */
public final class RequestTagger {

  /** The {@code _meta} key carrying the request id; a client-supplied value is overwritten. */
  public static final String REQUEST_ID_META = "io.devhost/requestId";

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final CancellationRegistry cancellations;

  public RequestTagger(CancellationRegistry cancellations) {
    this.cancellations = cancellations;
  }

  /** Returns the message to hand to the SDK: unchanged, or with the request id stamped in. */
  public String tag(String message) {
    return tag(message, "");
  }

  /**
   * Like {@link #tag(String)}, for transports that carry many sessions: JSON-RPC ids are unique
   * only within a session, so the ids are kept apart by {@code scope} (the session id), and one
   * session cannot cancel another's call.
   */
  public String tag(String message, String scope) {
    boolean call = message.contains("tools/call");
    boolean cancel = message.contains("notifications/cancelled");
    if (!call && !cancel) {
      return message;
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(message);
    } catch (RuntimeException e) {
      return message; // the SDK reports the parse error to the client
    }
    if (!(node instanceof ObjectNode obj)) {
      return message;
    }
    String method = obj.path("method").asString("");
    if (method.equals("notifications/cancelled")) {
      JsonNode id = obj.path("params").path("requestId");
      if (!id.isMissingNode() && !id.isNull()) {
        cancellations.cancel(idKey(scope, id));
      }
      return message;
    }
    if (method.equals("tools/call")
        && obj.hasNonNull("id")
        && obj.get("params") instanceof ObjectNode params) {
      ObjectNode meta = params.get("_meta") instanceof ObjectNode m ? m : params.putObject("_meta");
      meta.put(REQUEST_ID_META, idKey(scope, obj.get("id")));
      return MAPPER.writeValueAsString(obj);
    }
    return message;
  }

  /** The id of a tagged call, or null for a call that did not pass through a tagger. */
  public static String requestIdOf(Map<String, Object> meta) {
    Object id = meta == null ? null : meta.get(REQUEST_ID_META);
    return id == null ? null : id.toString();
  }

  private static String idKey(String scope, JsonNode id) {
    // 7 and "7" are different ids in JSON-RPC.
    return scope + (id.isString() ? "|s:" + id.asString() : "|n:" + id.toString());
  }
}
