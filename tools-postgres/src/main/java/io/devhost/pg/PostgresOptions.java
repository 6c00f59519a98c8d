package io.devhost.pg;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * Options of the PostgreSQL toolset: which databases, which may be written, pool and result limits,
 * and the embedded server used when no database is configured.
 */
public final class PostgresOptions {

  /** The name {@code DATABASE_URL} gets among the configured databases. */
  public static final String DATABASE_URL_NAME = "default";

  @Option(
      names = "--db",
      // A comma starts a new NAME=URL only when a name and '=' follow, so the comma-separated
      // hosts of a multi-host URL (postgres://h1:5432,h2:5432/db) stay in one URL.
      split = ",(?=[A-Za-z][A-Za-z0-9_-]{0,62}=)",
      splitSynopsisLabel = ",",
      paramLabel = "NAME=URL",
      description =
          "A database to serve, e.g. shop=postgres://reader@h1:5432,h2:5432/shop?sslmode=require"
              + " (repeatable): a URL or key=value string as libpq reads it, with PG* variables"
              + " and ~/.pgpass filling what it leaves out. Read-only unless named in"
              + " --db-read-write.")
  Map<String, String> databases = new LinkedHashMap<>();

  @Option(
      names = "--database-url",
      paramLabel = "URL",
      description =
          "A database named '"
              + DATABASE_URL_NAME
              + "'; DATABASE_URL is honoured when this is not given, and PGHOST/PGDATABASE"
              + " (with the other PG* variables) when neither is.")
  String databaseUrl;

  @Option(
      names = "--db-read-write",
      split = ",",
      paramLabel = "NAME",
      description = "Databases the execute tool may write to (default: none).")
  List<String> readWrite = new ArrayList<>();

  @Option(
      names = "--db-allow-superuser",
      split = ",",
      paramLabel = "NAME",
      description =
          "Databases allowed to connect as a superuser, who can read server files even in a"
              + " read-only transaction. Prefer a role from `devhost db create-readonly-role`.")
  List<String> allowSuperuser = new ArrayList<>();

  @Option(
      names = "--db-pool-size",
      paramLabel = "N",
      defaultValue = "5",
      description = "Most connections per database (default: ${DEFAULT-VALUE}).")
  int poolSize;

  @Option(
      names = "--db-connect-timeout",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description = "How long a call waits for a connection (default: ${DEFAULT-VALUE}).")
  int connectTimeoutSeconds;

  @Option(
      names = "--db-statement-timeout",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description = "statement_timeout of every call (default: ${DEFAULT-VALUE}).")
  int statementTimeoutSeconds;

  @Option(
      names = "--db-lock-timeout",
      paramLabel = "SECONDS",
      defaultValue = "5",
      description = "lock_timeout of every call (default: ${DEFAULT-VALUE}).")
  int lockTimeoutSeconds;

  @Option(
      names = "--db-max-rows",
      paramLabel = "N",
      defaultValue = "500",
      description =
          "Rows a query returns when the caller does not say (default: ${DEFAULT-VALUE}).")
  int maxRows;

  @Option(
      names = "--db-max-result-bytes",
      paramLabel = "N",
      defaultValue = "1048576",
      description =
          "Approximate JSON size at which a page of rows stops (default: ${DEFAULT-VALUE}).")
  int maxResultBytes;

  @Option(
      names = "--db-data-dir",
      paramLabel = "DIR",
      description =
          "Data directory of the embedded PostgreSQL used when no database is configured"
              + " (default: ~/.devhost/postgres).")
  Path dataDirectory;

  /** The PG* variables, home directory (~/.pgpass) and user that connection strings are read in. */
  private LibpqEnvironment environment = LibpqEnvironment.system();

  /** Reads connection strings in {@code environment} instead of this process's (tests). */
  public PostgresOptions withEnvironment(LibpqEnvironment environment) {
    this.environment = environment;
    return this;
  }

  /**
   * True when a database is configured, so that the pg toolset is on by default: by --db (or db: in
   * the config file), --database-url or DATABASE_URL, or by PG* variables that name a server or
   * database (PGHOST, PGHOSTADDR, PGDATABASE, PGSERVICE). The embedded database alone does not
   * count. Opens nothing and reads no password file.
   */
  public boolean databaseConfigured() {
    return !databases.isEmpty()
        || (databaseUrl != null && !databaseUrl.isBlank())
        || environment.namesADatabase();
  }

  /** True when some database may be written, so that the execute tool is listed. */
  public boolean anyReadWrite() {
    return !readWrite.isEmpty();
  }

  /** Builds the toolset; parses and checks the options but opens no connection. */
  public PostgresToolset createToolset() {
    return createToolset(null);
  }

  /**
   * Builds the toolset with sample data for the embedded database ({@code --demo}), which then
   * lives in a data directory of its own unless {@code --db-data-dir} names one.
   *
   * @param sampleData the demo's migrations and seed, or null for none
   */
  public PostgresToolset createToolset(SeedScripts sampleData) {
    var limits =
        new PgLimits(
            poolSize,
            Duration.ofSeconds(connectTimeoutSeconds),
            Duration.ofSeconds(statementTimeoutSeconds),
            Duration.ofSeconds(lockTimeoutSeconds),
            maxRows,
            maxResultBytes);
    var urls = configuredUrls();
    if (urls.isEmpty()) {
      checkNames(Set.of(PostgresToolset.EMBEDDED_NAME));
      if (!allowSuperuser.isEmpty()) {
        throw new IllegalArgumentException(
            "--db-allow-superuser does not apply to the embedded database, which never connects"
                + " as a superuser.");
      }
      Path dir =
          dataDirectory != null
              ? dataDirectory
              : sampleData != null
                  ? EmbeddedServer.defaultDataDirectory().resolveSibling("demo-postgres")
                  : EmbeddedServer.defaultDataDirectory();
      return PostgresToolset.embedded(
          dir, sampleData, readWrite.contains(PostgresToolset.EMBEDDED_NAME), limits);
    }
    if (sampleData != null) {
      throw new IllegalArgumentException(
          "--demo loads sample data into the embedded PostgreSQL, which is not used when a"
              + " database is configured ("
              + String.join(", ", urls.keySet())
              + "). Drop --demo, or the --db/--database-url/DATABASE_URL setting.");
    }
    checkNames(urls.keySet());
    var configs = new ArrayList<DatabaseConfig>();
    urls.forEach(
        (name, url) ->
            configs.add(
                DatabaseConfig.of(
                    name, url, readWrite.contains(name), allowSuperuser.contains(name))));
    return PostgresToolset.of(configs, limits);
  }

  private Map<String, DatabaseUrl> configuredUrls() {
    var urls = new LinkedHashMap<String, DatabaseUrl>();
    databases.forEach((name, url) -> urls.put(name, parse("--db " + name, url)));
    if (databaseUrl != null && !databaseUrl.isBlank()) {
      if (urls.containsKey(DATABASE_URL_NAME)) {
        throw new IllegalArgumentException(
            "--db names a database '"
                + DATABASE_URL_NAME
                + "', the name DATABASE_URL takes; rename one of them.");
      }
      urls.put(DATABASE_URL_NAME, parse("DATABASE_URL", databaseUrl));
    } else if (urls.isEmpty() && environment.namesADatabase()) {
      // As psql with no arguments: the PG* variables alone describe the connection.
      urls.put(DATABASE_URL_NAME, parse("PG* variables", ""));
    }
    return urls;
  }

  private DatabaseUrl parse(String source, String url) {
    try {
      return DatabaseUrl.parse(url, environment);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage());
    }
  }

  private void checkNames(Set<String> known) {
    var named = new HashSet<String>(readWrite);
    named.addAll(allowSuperuser);
    for (String name : named) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException(
            "--db-read-write/--db-allow-superuser name '"
                + name
                + "', which is not a configured database. Configured: "
                + String.join(", ", known)
                + ".");
      }
    }
  }

  /** The URL of a configured database by name, for commands that connect outside a toolset. */
  public DatabaseUrl url(String name) {
    var urls = configuredUrls();
    if (name == null) {
      if (urls.isEmpty()) {
        throw new IllegalArgumentException(
            "No database is configured: pass --db NAME=URL, or set DATABASE_URL or PGHOST and"
                + " PGDATABASE.");
      }
      return urls.values().iterator().next();
    }
    DatabaseUrl url = urls.get(name);
    if (url == null) {
      throw new IllegalArgumentException(
          "No database named '"
              + name
              + "'. Configured: "
              + String.join(", ", urls.keySet())
              + ".");
    }
    return url;
  }

  /** The name of the database {@link #url(String)} returns for {@code null}. */
  public String defaultName() {
    var urls = configuredUrls();
    return urls.isEmpty() ? null : urls.keySet().iterator().next();
  }
}
