package io.devhost.bridge.planner;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.devhost.bridge.host.HostTool;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a call's arguments against the tool's {@code inputSchema} before anything is sent, so a
 * wrong call costs a retry with a precise message instead of a round trip and a vague error.
 */
final class ArgumentValidator {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  /** The outcome: valid arguments (perhaps converted, with notes), or what is wrong. */
  sealed interface Checked {}

  record Valid(Map<String, Object> arguments, List<String> coercions) implements Checked {}

  record Invalid(String message) implements Checked {}

  /**
   * Valid arguments as given; else, where exactly one conversion makes them valid, converted (see
   * {@link ArgumentCoercion}); else an explanation with the full schema.
   */
  Checked check(HostTool tool, Map<String, Object> arguments) {
    Map<String, Object> input = tool.tool().inputSchema();
    if (input == null) {
      return new Valid(arguments, List.of());
    }
    Schema schema =
        schemas.computeIfAbsent(tool.name(), n -> REGISTRY.getSchema(JSON.valueToTree(input)));
    List<com.networknt.schema.Error> errors = schema.validate(JSON.valueToTree(arguments));
    if (errors.isEmpty()) {
      return new Valid(arguments, List.of());
    }
    var coerced = ArgumentCoercion.coerce(input, arguments);
    if (coerced.isPresent()
        && schema.validate(JSON.valueToTree(coerced.get().arguments())).isEmpty()) {
      return new Valid(coerced.get().arguments(), coerced.get().notes());
    }
    String problems =
        errors.stream().limit(5).map(e -> e.getMessage()).collect(Collectors.joining("; "));
    return new Invalid(
        "the arguments "
            + ActionParser.abbreviate(JSON.writeValueAsString(arguments))
            + " do not match the input schema of "
            + tool.name()
            + ": "
            + problems
            + ". Its schema: "
            + JSON.writeValueAsString(input));
  }
}
