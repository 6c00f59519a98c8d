package io.devhost.pg;

import io.devhost.core.ToolSpec;
import io.devhost.core.UntrustedText;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Lists the schemas of a database with their owners and table counts. */
final class ListSchemas {

  private ListSchemas() {}

  record Input(
      @Schema(description = "Database name; default: the first configured.") String database) {}

  record SchemaInfo(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String owner,
      @Schema(
              description = "Tables, views and materialized views in the schema.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          long relations,
      String comment) {}

  record Output(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String database,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<SchemaInfo> schemas) {}

  static ToolSpec<Input, Output> spec(Databases databases) {
    return ToolSpec.builder("list_schemas", Input.class, Output.class)
        .title("List schemas")
        .description(
            "Lists the schemas of a database (PostgreSQL's own schemas left out) with owner,"
                + " number of tables and views, and comment.")
        .idempotent()
        .handler((ctx, in) -> list(databases.get(in.database())))
        .render(ListSchemas::render)
        .build();
  }

  static Output list(Database db) {
    var schemas =
        db.read(
            null,
            0,
            c ->
                CatalogQueries.list(
                    c,
                    "SELECT n.nspname, pg_get_userbyid(n.nspowner) AS owner,"
                        + " (SELECT count(*) FROM pg_class r WHERE r.relnamespace = n.oid"
                        + " AND r.relkind IN ('r','p','v','m','f')) AS relations,"
                        + " obj_description(n.oid, 'pg_namespace') AS comment"
                        + " FROM pg_namespace n WHERE "
                        + CatalogQueries.USER_SCHEMA
                        + " ORDER BY n.nspname",
                    rs ->
                        new SchemaInfo(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getLong(3),
                            UntrustedText.strip(rs.getString(4)))));
    return new Output(db.name(), schemas);
  }

  private static String render(Output out) {
    var sb = new StringBuilder("Schemas of ").append(out.database()).append(":\n");
    for (SchemaInfo s : out.schemas()) {
      sb.append("- ").append(s.name()).append(" (owner ").append(s.owner());
      sb.append(", ").append(s.relations()).append(" tables/views)");
      if (s.comment() != null) {
        sb.append(": ").append(s.comment());
      }
      sb.append('\n');
    }
    return UntrustedText.fence("database " + out.database(), sb.toString());
  }
}
