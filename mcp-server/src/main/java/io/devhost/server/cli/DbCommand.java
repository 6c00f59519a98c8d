package io.devhost.server.cli;

import io.devhost.pg.DatabaseUrl;
import io.devhost.pg.LibpqEnvironment;
import io.devhost.pg.PostgresOptions;
import io.devhost.pg.ReadOnlyRole;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code devhost db}: database administration that DevHost's tools deliberately cannot do. */
@Command(
    name = "db",
    mixinStandardHelpOptions = true,
    description = "Database set-up helpers.",
    subcommands = {DbCommand.CreateReadonlyRole.class})
final class DbCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /**
   * Prints (or runs) the SQL for a least-privilege role the read-only tools can connect as: no
   * superuser, no server-file roles, read-only by default.
   */
  @Command(
      name = "create-readonly-role",
      mixinStandardHelpOptions = true,
      description = {
        "Print the SQL for a least-privilege, read-only role for DevHost; with --run, create it.",
        "The role can read tables but not server files, and is read-only even outside DevHost."
      })
  static final class CreateReadonlyRole implements Callable<Integer> {

    @Mixin PostgresOptions postgres;

    @Option(
        names = "--database",
        paramLabel = "NAME",
        description = "Configured database the role is for (default: the first configured).")
    String database;

    @Option(
        names = "--role",
        paramLabel = "ROLE",
        defaultValue = "devhost_readonly",
        description = "Name of the role (default: ${DEFAULT-VALUE}).")
    String role;

    @Option(
        names = "--schemas",
        split = ",",
        paramLabel = "SCHEMA",
        description =
            "Grant SELECT on these schemas only (default: every table, via pg_read_all_data).")
    List<String> schemas = new ArrayList<>();

    @Option(
        names = "--password-env",
        paramLabel = "VAR",
        description = "Take the role's password from this environment variable (default: random).")
    String passwordEnv;

    @Option(
        names = "--run",
        description = "Create the role now, connected with --admin-url or the database's own URL.")
    boolean run;

    @Option(
        names = "--admin-url",
        paramLabel = "URL",
        description = "A URL of a role allowed to create roles, used with --run.")
    String adminUrl;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws SQLException {
      DatabaseUrl target = postgres.url(database);
      String name = database == null ? postgres.defaultName() : database;
      String password = password();
      var sql = new ReadOnlyRole(role, password, target.databaseName(), schemas);
      PrintWriter out = spec.commandLine().getOut();
      if (!run) {
        out.print(sql.sql());
        out.flush();
        return 0;
      }
      DatabaseUrl admin =
          adminUrl == null ? target : DatabaseUrl.parse(adminUrl, LibpqEnvironment.system());
      sql.create(admin);
      out.println("Created role " + role + " in " + target.redacted() + ".");
      out.println(
          "Serve it with: --db "
              + name
              + "=postgres://"
              + role
              + ":"
              + (passwordEnv == null ? password : "$" + passwordEnv)
              + "@"
              + target.hostAndPort()
              + "/"
              + target.databaseName());
      out.flush();
      return 0;
    }

    private String password() {
      if (passwordEnv == null) {
        return ReadOnlyRole.randomPassword();
      }
      String value = System.getenv(passwordEnv);
      if (value == null || value.isEmpty()) {
        throw new IllegalArgumentException(
            "--password-env names " + passwordEnv + ", which is not set.");
      }
      return value;
    }
  }
}
