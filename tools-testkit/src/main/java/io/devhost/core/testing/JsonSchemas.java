package io.devhost.core.testing;

import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.swagger2.Swagger2Module;
import io.devhost.core.Json;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.type.TypeReference;

/**
 * Generates the JSON Schema of a tool's input or output record.
 *
 * <p>Descriptions, required fields, defaults, enums and bounds come from {@code @Schema}
 * annotations on the record components, so the contract is written once, next to the code.
 */
public final class JsonSchemas {

  private static final SchemaGenerator GENERATOR = createGenerator();
  private static final Map<Class<?>, Map<String, Object>> CACHE = new ConcurrentHashMap<>();

  private JsonSchemas() {}

  /** The schema of {@code type} as a JSON object, generated once per type. */
  public static Map<String, Object> of(Class<?> type) {
    return CACHE.computeIfAbsent(type, JsonSchemas::generate);
  }

  private static Map<String, Object> generate(Class<?> type) {
    var node = GENERATOR.generateSchema(type);
    // Clients embed the schema in a tool definition; the meta-schema URI is noise there.
    node.remove("$schema");
    Map<String, Object> schema =
        Json.MAPPER.convertValue(node, new TypeReference<Map<String, Object>>() {});
    typeDefaults(schema);
    return schema;
  }

  /**
   * {@code @Schema(defaultValue = ...)} is a string; a schema that says {@code "default": "false"}
   * for a boolean misleads strict clients and grammar builders, so defaults are given the type of
   * their property.
   */
  @SuppressWarnings("unchecked")
  private static void typeDefaults(Object node) {
    if (node instanceof Map<?, ?> map) {
      var schema = (Map<String, Object>) map;
      if (schema.get("default") instanceof String text && schema.get("type") instanceof String t) {
        switch (t) {
          case "boolean" -> schema.put("default", Boolean.parseBoolean(text));
          case "integer" -> schema.put("default", Long.parseLong(text));
          case "number" -> schema.put("default", Double.parseDouble(text));
          default -> {}
        }
      }
      schema.values().forEach(JsonSchemas::typeDefaults);
    } else if (node instanceof Iterable<?> list) {
      list.forEach(JsonSchemas::typeDefaults);
    }
  }

  private static SchemaGenerator createGenerator() {
    var config =
        new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
            .with(new Swagger2Module())
            .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT)
            .with(Option.FLATTENED_ENUMS_FROM_TOSTRING)
            .without(Option.SCHEMA_VERSION_INDICATOR);
    config.forFields().withIgnoreCheck(field -> field.isStatic());
    // Declaration order, not alphabetical: the record lists the important arguments first.
    config.forTypesInGeneral().withPropertySorter((a, b) -> 0);
    return new SchemaGenerator(config.build());
  }
}
