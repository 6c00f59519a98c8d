package io.devhost.pg;

import io.devhost.core.ToolSpec;
import io.devhost.core.UntrustedText;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Lists tables and views with row estimates and sizes. */
final class ListTables {

  static final int MAX_TABLES = 1000;

  private ListTables() {}

  record Input(
      @Schema(description = "Only this schema; default: every schema but PostgreSQL's own.")
          String schema,
      @Schema(description = "Database name; default: the first configured.") String database) {}

  enum Kind {
    table,
    partitioned_table,
    view,
    materialized_view,
    foreign_table
  }

  record Table(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String schema,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Kind kind,
      @Schema(description = "Planner's row estimate; absent when never analyzed.")
          Long estimatedRows,
      @Schema(description = "Size on disk with indexes and TOAST, in bytes.") Long totalBytes,
      String comment) {}

  record Output(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String database,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Table> tables,
      @Schema(
              description = "True when the list stopped at " + MAX_TABLES + " entries.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          boolean truncated) {}

  static ToolSpec<Input, Output> spec(Databases databases) {
    return ToolSpec.builder("list_tables", Input.class, Output.class)
        .title("List tables")
        .description(
            "Lists tables, views, materialized views and foreign tables, in one schema or all,"
                + " with estimated row counts, total size on disk and comments.")
        .idempotent()
        .handler((ctx, in) -> list(databases.get(in.database()), in.schema()))
        .render(ListTables::render)
        .build();
  }

  static Output list(Database db, String schema) {
    var tables =
        db.read(
            null,
            0,
            c ->
                CatalogQueries.list(
                    c,
                    "SELECT n.nspname, c.relname, c.relkind,"
                        + " CASE WHEN c.reltuples < 0 THEN NULL ELSE c.reltuples::bigint END AS estimated_rows,"
                        + " CASE WHEN c.relkind IN ('r','p','m') THEN pg_total_relation_size(c.oid)"
                        + " END AS total_bytes, obj_description(c.oid, 'pg_class')"
                        + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE c.relkind IN ('r','p','v','m','f') AND "
                        + CatalogQueries.USER_SCHEMA
                        + " AND (?::text IS NULL OR n.nspname = ?::text)"
                        + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid ="
                        + " 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')"
                        + " ORDER BY n.nspname, c.relname LIMIT "
                        + (MAX_TABLES + 1),
                    rs ->
                        new Table(
                            rs.getString(1),
                            rs.getString(2),
                            kind(rs.getString(3)),
                            CatalogQueries.longOrNull(rs, "estimated_rows"),
                            CatalogQueries.longOrNull(rs, "total_bytes"),
                            UntrustedText.strip(rs.getString(6))),
                    schema,
                    schema));
    boolean truncated = tables.size() > MAX_TABLES;
    return new Output(db.name(), truncated ? tables.subList(0, MAX_TABLES) : tables, truncated);
  }

  private static Kind kind(String relkind) {
    return switch (relkind) {
      case "p" -> Kind.partitioned_table;
      case "v" -> Kind.view;
      case "m" -> Kind.materialized_view;
      case "f" -> Kind.foreign_table;
      default -> Kind.table;
    };
  }

  private static String render(Output out) {
    var sb = new StringBuilder();
    for (Table t : out.tables()) {
      sb.append(t.schema()).append('.').append(t.name()).append(" [").append(t.kind()).append(']');
      if (t.estimatedRows() != null) {
        sb.append(" ~").append(t.estimatedRows()).append(" rows");
      }
      if (t.totalBytes() != null) {
        sb.append(", ").append(t.totalBytes() / 1024).append(" kB");
      }
      if (t.comment() != null) {
        sb.append(" — ").append(t.comment());
      }
      sb.append('\n');
    }
    if (out.truncated()) {
      sb.append("… stopped at ").append(MAX_TABLES).append(" entries; pass a schema\n");
    }
    return UntrustedText.fence("database " + out.database(), sb.toString());
  }
}
