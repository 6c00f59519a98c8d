package io.devhost.pg;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What libpq reads besides the connection string: the {@code PG*} environment variables, the home
 * directory (for {@code ~/.pgpass}) and the operating-system user (the default user name). Passed
 * in rather than read from the process, so tests need not change the process environment.
 *
 * @param variables the environment
 * @param home the home directory, or null for no {@code ~/.pgpass}
 * @param osUser the default user name, or null to leave it to the driver
 */
public record LibpqEnvironment(Map<String, String> variables, Path home, String osUser) {

  /** No variables, no password file: the connection string alone. */
  public static final LibpqEnvironment NONE = new LibpqEnvironment(Map.of(), null, null);

  /** Each variable and the connection keyword it supplies when the string leaves it out. */
  static final Map<String, String> KEYWORD_OF = keywords();

  public LibpqEnvironment {
    variables = Map.copyOf(Objects.requireNonNull(variables, "variables"));
  }

  /** This process's environment, home directory and user. */
  public static LibpqEnvironment system() {
    return new LibpqEnvironment(
        System.getenv(), Path.of(System.getProperty("user.home")), System.getProperty("user.name"));
  }

  /**
   * True when the variables name a server or database by themselves ({@code PGHOST}, {@code
   * PGHOSTADDR}, {@code PGDATABASE} or {@code PGSERVICE}), as psql would connect with no argument.
   */
  public boolean namesADatabase() {
    for (String name : new String[] {"PGHOST", "PGHOSTADDR", "PGDATABASE", "PGSERVICE"}) {
      String value = variables.get(name);
      if (value != null && !value.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** {@code keywords} with what the variables supply added where the string left a keyword out. */
  Map<String, String> fill(Map<String, String> keywords) {
    var out = new LinkedHashMap<>(keywords);
    KEYWORD_OF.forEach(
        (variable, keyword) -> {
          String value = variables.get(variable);
          if (value != null && !value.isEmpty() && !out.containsKey(keyword)) {
            out.put(keyword, value);
          }
        });
    return out;
  }

  private static Map<String, String> keywords() {
    var map = new LinkedHashMap<String, String>();
    map.put("PGHOST", "host");
    map.put("PGHOSTADDR", "hostaddr");
    map.put("PGPORT", "port");
    map.put("PGDATABASE", "dbname");
    map.put("PGUSER", "user");
    map.put("PGPASSWORD", "password");
    map.put("PGPASSFILE", "passfile");
    map.put("PGSERVICE", "service");
    map.put("PGOPTIONS", "options");
    map.put("PGAPPNAME", "application_name");
    map.put("PGSSLMODE", "sslmode");
    map.put("PGSSLNEGOTIATION", "sslnegotiation");
    map.put("PGSSLROOTCERT", "sslrootcert");
    map.put("PGSSLCERT", "sslcert");
    map.put("PGSSLKEY", "sslkey");
    map.put("PGSSLCRL", "sslcrl");
    map.put("PGREQUIREAUTH", "require_auth");
    map.put("PGCHANNELBINDING", "channel_binding");
    map.put("PGGSSENCMODE", "gssencmode");
    map.put("PGKRBSRVNAME", "krbsrvname");
    map.put("PGGSSLIB", "gsslib");
    map.put("PGCONNECT_TIMEOUT", "connect_timeout");
    map.put("PGCLIENTENCODING", "client_encoding");
    map.put("PGTARGETSESSIONATTRS", "target_session_attrs");
    map.put("PGLOADBALANCEHOSTS", "load_balance_hosts");
    return Collections.unmodifiableMap(map);
  }
}
