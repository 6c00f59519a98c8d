package io.devhost.pg;

import io.devhost.core.Toolset;
import io.devhost.core.ToolsetContext;
import io.devhost.core.ToolsetOptions;
import io.devhost.core.ToolsetProvider;
import java.util.List;
import java.util.Set;

/**
 * The {@code pg} toolset as a plugin: on by default where a database is configured or under the
 * demo, whose own database it seeds; execute is listed while some database is read-write.
 */
public final class PostgresProvider implements ToolsetProvider {

  @Override
  public String id() {
    return "pg";
  }

  @Override
  public String description() {
    return "PostgreSQL: schemas, read-only queries, query plans; execute on read-write databases";
  }

  @Override
  public List<Class<?>> optionGroups() {
    return List.of(PostgresOptions.class);
  }

  @Override
  public String onByDefaultWhen() {
    return "where a database is configured (--db, --database-url, DATABASE_URL, db: in the config"
        + " file) or with --demo. pg named without a database starts an embedded PostgreSQL on"
        + " first use";
  }

  @Override
  public boolean onByDefault(ToolsetOptions options, ToolsetContext context) {
    return context.demoProject().isPresent()
        || options.get(PostgresOptions.class).databaseConfigured();
  }

  @Override
  public Set<String> writeSwitchesOn(ToolsetOptions options) {
    return options.get(PostgresOptions.class).anyReadWrite()
        ? Set.of(PostgresToolset.WRITE_SWITCH)
        : Set.of();
  }

  @Override
  public Toolset create(ToolsetOptions options, ToolsetContext context) {
    var demoData =
        context.demoProject().map(project -> SeedScripts.fromDirectory(project.resolve("db")));
    return options.get(PostgresOptions.class).createToolset(demoData.orElse(null));
  }
}
