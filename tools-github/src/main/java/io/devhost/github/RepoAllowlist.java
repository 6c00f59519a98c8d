package io.devhost.github;

import io.devhost.core.ToolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repositories the GitHub tools may touch: {@code owner/repo} entries and {@code owner/*}
 * wildcards. Checked on every call, before anything is sent; searches get the matching qualifiers
 * added and their results filtered again, so a query cannot widen the scope.
 */
public final class RepoAllowlist {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");
  private static final Pattern SCOPE_QUALIFIER =
      Pattern.compile("(?i)(?<![\\w-])(-?)(repo|org|user|owner):(\\S+)");

  private final List<String> repos;
  private final List<String> owners;

  private RepoAllowlist(List<String> repos, List<String> owners) {
    this.repos = repos;
    this.owners = owners;
  }

  /** Every repository the token can see; what DevHost does without {@code --github-repos}. */
  public static RepoAllowlist any() {
    return new RepoAllowlist(null, null);
  }

  /**
   * Parses {@code owner/repo} and {@code owner/*} entries.
   *
   * @throws IllegalArgumentException naming the entry that is neither
   */
  public static RepoAllowlist of(List<String> entries) {
    if (entries == null || entries.isEmpty()) {
      return any();
    }
    var repos = new ArrayList<String>();
    var owners = new ArrayList<String>();
    for (String raw : entries) {
      String e = raw.strip().toLowerCase(Locale.ROOT);
      int slash = e.indexOf('/');
      String owner = slash < 0 ? "" : e.substring(0, slash);
      String name = slash < 0 ? "" : e.substring(slash + 1);
      if (!NAME.matcher(owner).matches() || !(name.equals("*") || NAME.matcher(name).matches())) {
        throw new IllegalArgumentException(
            "--github-repos entry '" + raw + "' is not owner/repo or owner/*.");
      }
      if (name.equals("*")) {
        owners.add(owner);
      } else {
        repos.add(owner + "/" + name);
      }
    }
    return new RepoAllowlist(List.copyOf(repos), List.copyOf(owners));
  }

  boolean isAny() {
    return repos == null;
  }

  boolean allows(String fullName) {
    if (isAny()) {
      return true;
    }
    String n = fullName.toLowerCase(Locale.ROOT);
    int slash = n.indexOf('/');
    return repos.contains(n) || (slash > 0 && owners.contains(n.substring(0, slash)));
  }

  /** Refuses a repository outside the list, before any request is made. */
  void check(String fullName) {
    if (!allows(fullName)) {
      throw ToolException.denied(
          fullName
              + " is not in the allowed repositories ("
              + describe()
              + "). DevHost's --github-repos option sets them; ask the user to add it.");
    }
  }

  String describe() {
    if (isAny()) {
      return "any";
    }
    var all = new ArrayList<>(repos);
    owners.forEach(o -> all.add(o + "/*"));
    return String.join(", ", all);
  }

  /**
   * Scopes a search query: qualifiers the query names (repo:, org:, user:) must lie inside the
   * list; a query naming none gets one qualifier per entry (GitHub ORs them).
   */
  String scopeQuery(String query) {
    if (isAny()) {
      return query;
    }
    Matcher m = SCOPE_QUALIFIER.matcher(query);
    boolean scoped = false;
    while (m.find()) {
      if (!m.group(1).isEmpty()) {
        continue; // an exclusion only narrows the search
      }
      String kind = m.group(2).toLowerCase(Locale.ROOT);
      String value = m.group(3).replace("\"", "").toLowerCase(Locale.ROOT);
      boolean ok = kind.equals("repo") ? allows(value) : owners.contains(value);
      if (!ok) {
        throw ToolException.denied(
            "The query's "
                + kind
                + ":"
                + value
                + " is outside the allowed repositories ("
                + describe()
                + "). Leave the qualifier out to search all of them.");
      }
      scoped = true;
    }
    if (scoped) {
      return query;
    }
    var sb = new StringBuilder(query.strip());
    repos.forEach(r -> sb.append(" repo:").append(r));
    owners.forEach(o -> sb.append(" user:").append(o));
    return sb.toString();
  }
}
