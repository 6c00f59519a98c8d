package io.devhost.core;

import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Runs one tool call: binds the arguments to the input record, calls the handler, and turns the
 * outcome into an MCP result. The MCP server and the {@code devhost call} command both go through
 * here, so a tool behaves the same whichever way it is called.
 */
public final class ToolRunner {

  private static final Logger LOG = LoggerFactory.getLogger(ToolRunner.class);
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final ResultLimits limits;

  public ToolRunner(ResultLimits limits) {
    this.limits = limits;
  }

  /** The outcome of a call, with what the audit log and metrics need to know about it. */
  public record Outcome(McpSchema.CallToolResult result, ToolException.Kind errorKind, int bytes) {
    public boolean isError() {
      return errorKind != null;
    }
  }

  public <I, O> Outcome run(ToolSpec<I, O> tool, Map<String, Object> arguments, ToolContext ctx) {
    var meta = new MetaRecordingContext(ctx);
    try {
      I input = bind(tool, arguments);
      O output = tool.handler().call(meta, input);
      return success(tool, output, meta.meta());
    } catch (ToolException e) {
      return failure(e.kind(), e.getMessage(), meta.meta());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failure(ToolException.Kind.CANCELLED, "The call was interrupted.");
    } catch (Exception | StackOverflowError | OutOfMemoryError e) {
      // The client gets no internals; the log has them for the operator.
      LOG.error("tool {} failed", tool.name(), e);
      return failure(
          ToolException.Kind.INTERNAL,
          "Internal error in " + tool.name() + " (" + e.getClass().getSimpleName() + ").");
    }
  }

  private <I> I bind(ToolSpec<I, ?> tool, Map<String, Object> arguments) {
    Map<String, Object> args = arguments == null ? Map.of() : arguments;
    try {
      return Json.MAPPER.convertValue(args, tool.inputType());
    } catch (JacksonException e) {
      throw ToolException.invalid(describeBindingError(tool, e));
    } catch (IllegalArgumentException e) {
      // Compact constructors of input records validate with IllegalArgumentException.
      Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
      throw ToolException.invalid(cause.getMessage());
    }
  }

  private static String describeBindingError(ToolSpec<?, ?> tool, JacksonException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      return "Unknown argument '"
          + u.getPropertyName()
          + "' for "
          + tool.name()
          + ". Known arguments: "
          + u.getKnownPropertyIds()
          + ".";
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof IllegalArgumentException && root.getMessage() != null) {
      return root.getMessage();
    }
    String path = e.getPathReference();
    String where = path == null || path.isBlank() ? "" : " at " + cleanPath(path);
    String what =
        e instanceof MismatchedInputException m && m.getTargetType() != null
            ? "expected " + friendlyType(m.getTargetType())
            : "malformed value";
    return "Invalid argument" + where + " for " + tool.name() + ": " + what + ".";
  }

  private static String cleanPath(String path) {
    // Jackson writes paths like "io.devhost.fs.ReadTextFile$Input[\"head\"]".
    return path.replaceAll("[\\w.$]+\\[\"", "'").replace("\"]", "'");
  }

  private static String friendlyType(Class<?> type) {
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "an integer";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class || type.isEnum()) {
      return type.isEnum() ? "one of " + List.of(type.getEnumConstants()) : "a string";
    }
    if (List.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    return "an object";
  }

  private <O> Outcome success(ToolSpec<?, O> tool, O output, Map<String, Object> meta) {
    Map<String, Object> structured = Json.MAPPER.convertValue(output, MAP);
    long bytes = JsonSize.of(structured);
    if (bytes > limits.maxResultBytes()) {
      return failure(
          ToolException.Kind.TOO_LARGE,
          "The result of "
              + tool.name()
              + " is "
              + bytes
              + " bytes, over the "
              + limits.maxResultBytes()
              + "-byte limit. Ask for less (a narrower path, a smaller limit, or a page).");
    }
    String text = limits.inlineText(tool.render().apply(output));
    var builder = McpSchema.CallToolResult.builder().addTextContent(text);
    int extraBytes = 0;
    for (McpSchema.Content block : tool.extraContent().apply(output)) {
      builder.addContent(block);
      extraBytes += approximateBytes(block);
    }
    var result =
        builder
            .structuredContent(structured)
            .isError(false)
            .meta(meta.isEmpty() ? null : meta)
            .build();
    return new Outcome(
        result, null, (int) bytes + extraBytes + text.getBytes(StandardCharsets.UTF_8).length);
  }

  /** The size the audit log records; base64 payloads are not serialized twice just to count. */
  private static int approximateBytes(McpSchema.Content block) {
    if (block instanceof McpSchema.ImageContent image) {
      return image.data().length();
    }
    if (block instanceof McpSchema.AudioContent audio) {
      return audio.data().length();
    }
    return Json.MAPPER.writeValueAsBytes(block).length;
  }

  private static Outcome failure(ToolException.Kind kind, String message) {
    return failure(kind, message, Map.of());
  }

  private static Outcome failure(
      ToolException.Kind kind, String message, Map<String, Object> meta) {
    var result =
        McpSchema.CallToolResult.builder()
            .addTextContent(message)
            .isError(true)
            .meta(meta.isEmpty() ? null : meta)
            .build();
    return new Outcome(result, kind, message.length());
  }
}
