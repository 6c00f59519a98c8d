package io.devhost.pg;

import io.devhost.core.ToolException;
import io.devhost.core.ToolSpec;
import io.devhost.core.UntrustedText;
import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Everything a model needs to write correct SQL against one table or view. */
final class DescribeTable {

  private DescribeTable() {}

  record Input(
      @Schema(description = "Table or view name.", requiredMode = Schema.RequiredMode.REQUIRED)
          String table,
      @Schema(description = "Schema; may be left out when the name is unique across schemas.")
          String schema,
      @Schema(description = "Database name; default: the first configured.") String database) {

    Input {
      if (table == null || table.isBlank()) {
        throw new IllegalArgumentException("table is required, e.g. \"orders\".");
      }
    }
  }

  record Column(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String type,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean nullable,
      @Schema(description = "Default expression.") String defaultValue,
      @Schema(description = "'always' or 'by default' for identity columns.") String identity,
      String comment) {}

  record ForeignKey(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> columns,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String referencedTable,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> referencedColumns,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String definition) {}

  record Index(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String definition,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean unique,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean primary,
      @Schema(
              description = "False for an index left invalid by a failed concurrent build.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          boolean valid,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long sizeBytes) {}

  record Constraint(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
      @Schema(
              description = "check, unique, exclusion or trigger.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String type,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String definition) {}

  record Output(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String database,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String schema,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ListTables.Kind kind,
      String comment,
      @Schema(description = "Planner's row estimate.") Long estimatedRows,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Column> columns,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> primaryKey,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ForeignKey> foreignKeys,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Index> indexes,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Constraint> constraints,
      @Schema(description = "The query of a view or materialized view.") String viewDefinition) {}

  static ToolSpec<Input, Output> spec(Databases databases) {
    return ToolSpec.builder("describe_table", Input.class, Output.class)
        .title("Describe a table")
        .description(
            "Describes a table or view: columns with types, nullability, defaults and comments;"
                + " primary key; foreign keys; indexes (with validity and size); check, unique and"
                + " exclusion constraints; the view's query. Read this before writing SQL against"
                + " a table.")
        .idempotent()
        .handler((ctx, in) -> describe(databases.get(in.database()), in.schema(), in.table()))
        .render(DescribeTable::render)
        .build();
  }

  private record Relation(
      long oid,
      String schema,
      String name,
      String kind,
      String comment,
      Long estimatedRows,
      String viewDefinition) {}

  static Output describe(Database db, String schema, String table) {
    return db.read(
        null,
        0,
        c -> {
          Relation r = find(c, db.name(), schema, table);
          var columns =
              CatalogQueries.list(
                  c,
                  "SELECT a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull,"
                      + " pg_get_expr(d.adbin, d.adrelid), a.attidentity,"
                      + " col_description(a.attrelid, a.attnum)"
                      + " FROM pg_attribute a LEFT JOIN pg_attrdef d"
                      + " ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                      + " WHERE a.attrelid = ?::oid AND a.attnum > 0 AND NOT a.attisdropped"
                      + " ORDER BY a.attnum",
                  rs ->
                      new Column(
                          rs.getString(1),
                          rs.getString(2),
                          rs.getBoolean(3),
                          UntrustedText.strip(rs.getString(4)),
                          switch (rs.getString(5)) {
                            case "a" -> "always";
                            case "d" -> "by default";
                            default -> null;
                          },
                          UntrustedText.strip(rs.getString(6))),
                  r.oid());
          return new Output(
              db.name(),
              r.schema(),
              r.name(),
              kind(r.kind()),
              UntrustedText.strip(r.comment()),
              r.estimatedRows(),
              columns,
              primaryKey(c, r.oid()),
              foreignKeys(c, r.oid()),
              indexes(c, r.oid()),
              constraints(c, r.oid()),
              UntrustedText.strip(r.viewDefinition()));
        });
  }

  private static Relation find(Connection c, String database, String schema, String table)
      throws SQLException {
    var found =
        CatalogQueries.list(
            c,
            "SELECT c.oid, n.nspname, c.relname, c.relkind, obj_description(c.oid, 'pg_class'),"
                + " CASE WHEN c.reltuples < 0 THEN NULL ELSE c.reltuples::bigint END AS estimate,"
                + " CASE WHEN c.relkind IN ('v','m') THEN pg_get_viewdef(c.oid, true) END"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relname = ? AND (?::text IS NULL OR n.nspname = ?::text)"
                + " AND c.relkind IN ('r','p','v','m','f') ORDER BY n.nspname",
            rs ->
                new Relation(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    CatalogQueries.longOrNull(rs, "estimate"),
                    rs.getString(7)),
            table,
            schema,
            schema);
    if (found.isEmpty()) {
      throw ToolException.notFound(
          "No table or view named '"
              + table
              + "'"
              + (schema == null ? "" : " in schema '" + schema + "'")
              + " in database '"
              + database
              + "'. Names are case-sensitive as stored; list_tables shows what exists.");
    }
    if (found.size() > 1) {
      throw ToolException.invalid(
          "'"
              + table
              + "' exists in schemas "
              + found.stream().map(Relation::schema).collect(Collectors.joining(", "))
              + "; pass schema to choose one.");
    }
    return found.get(0);
  }

  private static List<String> primaryKey(Connection c, long oid) throws SQLException {
    var keys =
        CatalogQueries.list(
            c,
            "SELECT ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY u(attnum, i)"
                + " JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum"
                + " ORDER BY u.i) FROM pg_constraint k WHERE k.conrelid = ?::oid"
                + " AND k.contype = 'p'",
            rs -> strings(rs.getArray(1)),
            oid);
    return keys.isEmpty() ? List.of() : keys.get(0);
  }

  private static List<ForeignKey> foreignKeys(Connection c, long oid) throws SQLException {
    return CatalogQueries.list(
        c,
        "SELECT k.conname,"
            + " ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY u(attnum, i)"
            + " JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum"
            + " ORDER BY u.i),"
            + " k.confrelid::regclass::text,"
            + " ARRAY(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY u(attnum, i)"
            + " JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum"
            + " ORDER BY u.i),"
            + " pg_get_constraintdef(k.oid, true)"
            + " FROM pg_constraint k WHERE k.conrelid = ?::oid AND k.contype = 'f'"
            + " ORDER BY k.conname",
        rs ->
            new ForeignKey(
                rs.getString(1),
                strings(rs.getArray(2)),
                rs.getString(3),
                strings(rs.getArray(4)),
                rs.getString(5)),
        oid);
  }

  private static List<Index> indexes(Connection c, long oid) throws SQLException {
    return CatalogQueries.list(
        c,
        "SELECT i.relname, pg_get_indexdef(x.indexrelid), x.indisunique, x.indisprimary,"
            + " x.indisvalid, pg_relation_size(x.indexrelid)"
            + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
            + " WHERE x.indrelid = ?::oid ORDER BY i.relname",
        rs ->
            new Index(
                rs.getString(1),
                rs.getString(2),
                rs.getBoolean(3),
                rs.getBoolean(4),
                rs.getBoolean(5),
                rs.getLong(6)),
        oid);
  }

  private static List<Constraint> constraints(Connection c, long oid) throws SQLException {
    return CatalogQueries.list(
        c,
        "SELECT conname, CASE contype WHEN 'c' THEN 'check' WHEN 'u' THEN 'unique'"
            + " WHEN 'x' THEN 'exclusion' ELSE 'trigger' END, pg_get_constraintdef(oid, true)"
            + " FROM pg_constraint WHERE conrelid = ?::oid AND contype IN ('c','u','x','t')"
            + " ORDER BY conname",
        rs -> new Constraint(rs.getString(1), rs.getString(2), rs.getString(3)),
        oid);
  }

  private static List<String> strings(java.sql.Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  private static ListTables.Kind kind(String relkind) {
    return switch (relkind) {
      case "p" -> ListTables.Kind.partitioned_table;
      case "v" -> ListTables.Kind.view;
      case "m" -> ListTables.Kind.materialized_view;
      case "f" -> ListTables.Kind.foreign_table;
      default -> ListTables.Kind.table;
    };
  }

  static String render(Output t) {
    var sb = new StringBuilder();
    sb.append(t.schema()).append('.').append(t.name()).append(" (").append(t.kind()).append(')');
    if (t.comment() != null) {
      sb.append(" — ").append(t.comment());
    }
    sb.append('\n');
    for (Column col : t.columns()) {
      sb.append("  ").append(col.name()).append(' ').append(col.type());
      sb.append(col.nullable() ? "" : " NOT NULL");
      if (col.identity() != null) {
        sb.append(" GENERATED ").append(col.identity().toUpperCase()).append(" AS IDENTITY");
      }
      if (col.defaultValue() != null) {
        sb.append(" DEFAULT ").append(col.defaultValue());
      }
      if (col.comment() != null) {
        sb.append("  -- ").append(col.comment());
      }
      sb.append('\n');
    }
    if (!t.primaryKey().isEmpty()) {
      sb.append("Primary key: ").append(String.join(", ", t.primaryKey())).append('\n');
    }
    t.foreignKeys().forEach(f -> sb.append("FK ").append(f.definition()).append('\n'));
    t.indexes()
        .forEach(
            i ->
                sb.append("Index ")
                    .append(i.definition())
                    .append(i.valid() ? "" : " (INVALID)")
                    .append('\n'));
    t.constraints()
        .forEach(k -> sb.append(k.type()).append(' ').append(k.definition()).append('\n'));
    if (t.viewDefinition() != null) {
      sb.append("View query:\n").append(t.viewDefinition()).append('\n');
    }
    return UntrustedText.fence("database " + t.database(), sb.toString());
  }
}
