package io.devhost.bridge.planner;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.devhost.bridge.host.HostTool;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  /** An explanation of what is wrong, or empty when the arguments are valid. */
  Optional<String> check(HostTool tool, Map<String, Object> arguments) {
    Map<String, Object> input = tool.tool().inputSchema();
    if (input == null) {
      return Optional.empty();
    }
    Schema schema =
        schemas.computeIfAbsent(tool.name(), n -> REGISTRY.getSchema(JSON.valueToTree(input)));
    List<com.networknt.schema.Error> errors = schema.validate(JSON.valueToTree(arguments));
    if (errors.isEmpty()) {
      return Optional.empty();
    }
    String problems =
        errors.stream().limit(5).map(e -> e.getMessage()).collect(Collectors.joining("; "));
    return Optional.of(
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
