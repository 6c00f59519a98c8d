package io.devhost.server.mcp;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import java.util.Map;

/**
 * The SDK's schema validator, created on first use. The SDK builds one eagerly at start-up, which
 * loads about a hundred classes of the validator library that a stdio session may never need:
 * measurable in cold start.
 */
final class LazySchemaValidator implements JsonSchemaValidator {

  private volatile JsonSchemaValidator delegate;

  @Override
  public ValidationResponse validate(Map<String, Object> schema, Object instance) {
    return delegate().validate(schema, instance);
  }

  @Override
  public ValidationResponse validateSchema(Map<String, Object> schema) {
    return delegate().validateSchema(schema);
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
