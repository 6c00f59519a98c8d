package io.devhost.pg;

import io.devhost.core.ToolException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The configured databases by name; the first one is used when a call names none. */
final class Databases implements AutoCloseable {

  private final Map<String, Database> byName = new LinkedHashMap<>();

  Databases(List<DatabaseConfig> configs, PgLimits limits) {
    if (configs.isEmpty()) {
      throw new IllegalArgumentException("At least one database must be configured.");
    }
    for (DatabaseConfig config : configs) {
      if (byName.put(config.name(), new Database(config, limits)) != null) {
        throw new IllegalArgumentException(
            "Database name '" + config.name() + "' is configured twice; names must be unique.");
      }
    }
  }

  /** The database called {@code name}, or the default one when {@code name} is null or blank. */
  Database get(String name) {
    if (name == null || name.isBlank()) {
      return byName.values().iterator().next();
    }
    Database db = byName.get(name);
    if (db == null) {
      throw ToolException.notFound(
          "No database named '" + name + "'. Configured databases: " + names() + ".");
    }
    return db;
  }

  List<String> names() {
    return new ArrayList<>(byName.keySet());
  }

  boolean anyReadWrite() {
    return byName.values().stream().anyMatch(Database::readWrite);
  }

  List<Database> all() {
    return List.copyOf(byName.values());
  }

  @Override
  public void close() {
    byName.values().forEach(Database::close);
  }
}
