package io.devhost.server.mcp;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import java.util.Map;

/**
 * The SDK's schema validator, created on first use.
 *
 * <p>At start-up the SDK checks every tool's schemas with the validator; that loads about a hundred
 * classes of the validator library and took a quarter of a second of a cold start. DevHost's
 * schemas are generated from records and checked against the JSON Schema meta-schema by the
 * contract tests of every toolset (ToolContractSnapshots), so the start-up check is answered
 * without loading anything.
 */
final class LazySchemaValidator implements JsonSchemaValidator {

  private volatile JsonSchemaValidator delegate;

  @Override
  public ValidationResponse validate(Map<String, Object> schema, Object instance) {
    return delegate().validate(schema, instance);
  }

  @Override
  public ValidationResponse validateSchema(Map<String, Object> schema) {
    return ValidationResponse.asValid(null);
  }

  private JsonSchemaValidator delegate() {
    JsonSchemaValidator d = delegate;
    if (d == null) {
      synchronized (this) {
        d = delegate;
        if (d == null) {
          delegate = d = new DefaultJsonSchemaValidator();
        }
      }
    }
    return d;
  }
}
