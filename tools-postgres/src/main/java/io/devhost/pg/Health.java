package io.devhost.pg;

import io.devhost.core.ToolSpec;
import io.devhost.core.UntrustedText;
import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A database check-up: cache use, index problems, bloat, vacuum age, long queries, locks. */
final class Health {

  private Health() {}

  record Input(
      @Schema(description = "Database name; default: the first configured.") String database) {}

  record IndexRef(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String schema,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String table,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String index,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long sizeBytes) {}

  record DeadTuples(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String schema,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String table,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long liveRows,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long deadRows,
      @Schema(description = "Dead rows / (live + dead): the share of the table that is bloat.")
          Double deadRatio,
      @Schema(description = "Last vacuum, manual or automatic, ISO-8601.") String lastVacuum) {}

  record Activity(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int pid,
      String user,
      String state,
      @Schema(description = "Seconds since the query started.") Double seconds,
      @Schema(description = "Sessions this one waits for.") List<Integer> blockedBy,
      @Schema(description = "The query text, cut at 300 characters.") String query) {}

  record Connections(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int total,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int active,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int idleInTransaction,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int maxConnections) {}

  record Output(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String database,
      @Schema(description = "Share of table reads served from shared buffers (0..1).")
          Double tableCacheHitRatio,
      @Schema(description = "Share of index reads served from shared buffers (0..1).")
          Double indexCacheHitRatio,
      @Schema(
              description = "Non-unique indexes never scanned since statistics were reset.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          List<IndexRef> unusedIndexes,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<IndexRef> invalidIndexes,
      @Schema(
              description = "Tables with the most dead rows: a bloat estimate.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          List<DeadTuples> deadRows,
      @Schema(
              description = "Transaction ID age of the database (wraparound is at ~2 billion).",
              requiredMode = Schema.RequiredMode.REQUIRED)
          long transactionIdAge,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long autovacuumFreezeMaxAge,
      @Schema(
              description = "Non-idle queries running for over a minute.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          List<Activity> longRunningQueries,
      @Schema(
              description = "Sessions waiting for a lock, with who blocks them.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          List<Activity> blockedSessions,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Connections connections,
      @Schema(
              description = "Findings worth acting on, in plain words.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          List<String> findings) {}

  static ToolSpec<Input, Output> spec(Databases databases) {
    return ToolSpec.builder("health", Input.class, Output.class)
        .title("Check database health")
        .description(
            "Reports cache hit ratios, unused and invalid indexes, dead-row bloat, transaction ID"
                + " age (vacuum), long-running queries, sessions blocked on locks and connection"
                + " use, with a list of findings worth acting on. Some figures need the"
                + " pg_read_all_stats role to see other sessions.")
        .idempotent()
        .handler((ctx, in) -> check(databases.get(in.database())))
        .render(Health::render)
        .build();
  }

  static Output check(Database db) {
    return db.read(null, 0, c -> check(db.name(), c));
  }

  private static Output check(String database, Connection c) throws SQLException {
    var ratios =
        CatalogQueries.list(
                c,
                "SELECT (SELECT sum(heap_blks_hit)::float8"
                    + " / nullif(sum(heap_blks_hit) + sum(heap_blks_read), 0)"
                    + " FROM pg_statio_user_tables) AS tables,"
                    + " (SELECT sum(idx_blks_hit)::float8"
                    + " / nullif(sum(idx_blks_hit) + sum(idx_blks_read), 0)"
                    + " FROM pg_statio_user_indexes) AS indexes",
                rs ->
                    new Double[] {
                      CatalogQueries.doubleOrNull(rs, "tables"),
                      CatalogQueries.doubleOrNull(rs, "indexes")
                    })
            .get(0);
    var unused =
        CatalogQueries.list(
            c,
            "SELECT s.schemaname, s.relname, s.indexrelname, pg_relation_size(s.indexrelid)"
                + " FROM pg_stat_user_indexes s JOIN pg_index i ON i.indexrelid = s.indexrelid"
                + " WHERE s.idx_scan = 0 AND NOT i.indisunique AND NOT i.indisprimary"
                + " ORDER BY 4 DESC, 1, 3 LIMIT 20",
            rs -> new IndexRef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
    var invalid =
        CatalogQueries.list(
            c,
            "SELECT n.nspname, t.relname, ic.relname, pg_relation_size(i.indexrelid)"
                + " FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid"
                + " JOIN pg_class t ON t.oid = i.indrelid"
                + " JOIN pg_namespace n ON n.oid = t.relnamespace"
                + " WHERE NOT i.indisvalid ORDER BY 1, 3 LIMIT 20",
            rs -> new IndexRef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
    var dead =
        CatalogQueries.list(
            c,
            "SELECT schemaname, relname, n_live_tup, n_dead_tup,"
                + " n_dead_tup::float8 / nullif(n_live_tup + n_dead_tup, 0) AS ratio,"
                + " to_char(greatest(last_vacuum, last_autovacuum) AT TIME ZONE 'UTC',"
                + " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                + " FROM pg_stat_user_tables WHERE n_dead_tup > 0"
                + " ORDER BY n_dead_tup DESC LIMIT 10",
            rs ->
                new DeadTuples(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getLong(3),
                    rs.getLong(4),
                    CatalogQueries.doubleOrNull(rs, "ratio"),
                    rs.getString(6)));
    long[] ages =
        CatalogQueries.list(
                c,
                "SELECT age(datfrozenxid), current_setting('autovacuum_freeze_max_age')::bigint"
                    + " FROM pg_database WHERE datname = current_database()",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)})
            .get(0);
    String activity =
        "SELECT pid, usename, state,"
            + " extract(epoch FROM now() - query_start)::float8 AS seconds,"
            + " pg_blocking_pids(pid), left(query, 300) FROM pg_stat_activity"
            + " WHERE pid <> pg_backend_pid() AND backend_type = 'client backend' AND ";
    CatalogQueries.RowMapper<Activity> toActivity =
        rs ->
            new Activity(
                rs.getInt(1),
                rs.getString(2),
                rs.getString(3),
                CatalogQueries.doubleOrNull(rs, "seconds"),
                pids(rs.getArray(5)),
                UntrustedText.strip(rs.getString(6)));
    var longRunning =
        CatalogQueries.list(
            c,
            activity
                + "state <> 'idle' AND query_start < now() - interval '1 minute'"
                + " ORDER BY query_start LIMIT 10",
            toActivity);
    var blocked =
        CatalogQueries.list(
            c,
            activity + "cardinality(pg_blocking_pids(pid)) > 0 ORDER BY query_start LIMIT 10",
            toActivity);
    var connections =
        CatalogQueries.list(
                c,
                "SELECT count(*), count(*) FILTER (WHERE state = 'active'),"
                    + " count(*) FILTER (WHERE state LIKE 'idle in transaction%'),"
                    + " current_setting('max_connections')::int"
                    + " FROM pg_stat_activity WHERE backend_type = 'client backend'",
                rs -> new Connections(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
            .get(0);
    var out =
        new Output(
            database,
            ratios[0],
            ratios[1],
            unused,
            invalid,
            dead,
            ages[0],
            ages[1],
            longRunning,
            blocked,
            connections,
            new ArrayList<>());
    out.findings().addAll(findings(out));
    return out;
  }

  private static List<Integer> pids(java.sql.Array array) throws SQLException {
    var out = new ArrayList<Integer>();
    for (Integer pid : (Integer[]) array.getArray()) {
      out.add(pid);
    }
    return out;
  }

  static List<String> findings(Output o) {
    var findings = new ArrayList<String>();
    if (o.tableCacheHitRatio() != null && o.tableCacheHitRatio() < 0.95) {
      findings.add(
          String.format(
              "Table cache hit ratio is %.1f%%; under 95%% usually means shared_buffers is too"
                  + " small or queries scan more than they need.",
              o.tableCacheHitRatio() * 100));
    }
    o.invalidIndexes()
        .forEach(
            i ->
                findings.add(
                    "Index "
                        + i.schema()
                        + "."
                        + i.index()
                        + " is invalid (a failed CREATE INDEX CONCURRENTLY): drop and rebuild"
                        + " it."));
    if (!o.unusedIndexes().isEmpty()) {
      findings.add(
          o.unusedIndexes().size()
              + " index(es) never scanned since statistics were reset; they slow writes and"
              + " may be dropped if that is still true in production.");
    }
    o.deadRows().stream()
        .filter(d -> d.deadRatio() != null && d.deadRatio() > 0.2 && d.deadRows() > 1000)
        .forEach(
            d ->
                findings.add(
                    String.format(
                        "%s.%s is %.0f%% dead rows; check autovacuum for it.",
                        d.schema(), d.table(), d.deadRatio() * 100)));
    if (o.transactionIdAge() > o.autovacuumFreezeMaxAge() / 2) {
      findings.add(
          "Transaction ID age "
              + o.transactionIdAge()
              + " is over half of autovacuum_freeze_max_age; make sure vacuum keeps up.");
    }
    if (!o.blockedSessions().isEmpty()) {
      findings.add(o.blockedSessions().size() + " session(s) are waiting for locks.");
    }
    if (o.connections().total() > o.connections().maxConnections() * 0.8) {
      findings.add("Connections are above 80% of max_connections.");
    }
    return findings;
  }

  private static String render(Output o) {
    var sb = new StringBuilder("Health of ").append(o.database()).append(":\n");
    sb.append("cache hit: tables ")
        .append(percent(o.tableCacheHitRatio()))
        .append(", indexes ")
        .append(percent(o.indexCacheHitRatio()))
        .append('\n');
    sb.append("connections: ")
        .append(o.connections().total())
        .append('/')
        .append(o.connections().maxConnections())
        .append(" (")
        .append(o.connections().active())
        .append(" active)\n");
    sb.append("transaction ID age: ").append(o.transactionIdAge()).append('\n');
    o.unusedIndexes().forEach(i -> sb.append("unused index: ").append(i.index()).append('\n'));
    o.longRunningQueries()
        .forEach(
            a ->
                sb.append("long query (pid ")
                    .append(a.pid())
                    .append("): ")
                    .append(a.query())
                    .append('\n'));
    sb.append(o.findings().isEmpty() ? "No findings.\n" : "Findings:\n");
    o.findings().forEach(f -> sb.append("- ").append(f).append('\n'));
    return UntrustedText.fence("database " + o.database(), sb.toString());
  }

  private static String percent(Double ratio) {
    return ratio == null ? "n/a" : String.format("%.1f%%", ratio * 100);
  }
}
