package io.devhost.fs;

import io.devhost.core.Globs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Glob rules that hide paths from every tool (secrets) or only from writing tools (git internals).
 *
 * <p>A glob without {@code /} is matched against every component of the path relative to its root,
 * so {@code .env*} hides {@code .env} at any depth and everything below a directory of that name. A
 * glob with {@code /} is matched against the whole relative path. A glob starting with {@code !}
 * lifts a rule for what it matches, e.g. {@code !.env.example}.
 */
final class DenyRules {

  /** What a user would expect hidden without asking: environment files and private keys. */
  static final List<String> DEFAULT_DENY =
      List.of(
          ".env*",
          "*.pem",
          "*.key",
          "*.p12",
          "*.pfx",
          "id_rsa*",
          "id_dsa*",
          "id_ecdsa*",
          "id_ed25519*",
          ".netrc");

  /** Writing into git's own files corrupts a repository; tools never do it. */
  static final List<String> DEFAULT_WRITE_DENY = List.of(".git");

  /** The rules of one kind: name globs and path globs, each list also as one pattern. */
  private record RuleSet(List<String> names, Pattern anyName, List<String> paths, Pattern anyPath) {
    static RuleSet of(Iterable<String> globs) {
      var names = new ArrayList<String>();
      var paths = new ArrayList<String>();
      for (String g : globs) {
        String glob = g.endsWith("/") ? g.substring(0, g.length() - 1) : g;
        (Globs.isNameGlob(glob) ? names : paths).add(glob);
      }
      return new RuleSet(names, Globs.compileAny(names), paths, Globs.compileAny(paths));
    }

    boolean matchesName(String name) {
      return anyName != null && anyName.matcher(name).matches();
    }

    boolean matchesPath(String path) {
      return anyPath != null && anyPath.matcher(path).matches();
    }

    /** The first glob that matches, for the message. */
    String which(String name, String path) {
      for (String g : names) {
        if (name != null && Pattern.matches(Globs.toRegex(g), name)) {
          return g;
        }
      }
      for (String g : paths) {
        if (path != null && Pattern.matches(Globs.toRegex(g), path)) {
          return g;
        }
      }
      return "?";
    }
  }

  private final RuleSet deny;
  private final RuleSet writeDeny;
  private final RuleSet allow;

  private DenyRules(RuleSet deny, RuleSet writeDeny, RuleSet allow) {
    this.deny = deny;
    this.writeDeny = writeDeny;
    this.allow = allow;
  }

  /**
   * The defaults plus the user's globs.
   *
   * @throws IllegalArgumentException naming a glob that does not parse
   */
  static DenyRules withDefaults(List<String> userGlobs) {
    Set<String> deny = new LinkedHashSet<>(DEFAULT_DENY);
    var allow = new ArrayList<String>();
    for (String g : userGlobs) {
      String glob = g.strip();
      if (glob.startsWith("!")) {
        allow.add(glob.substring(1));
      } else if (!glob.isEmpty()) {
        deny.add(glob);
      }
    }
    return new DenyRules(RuleSet.of(deny), RuleSet.of(DEFAULT_WRITE_DENY), RuleSet.of(allow));
  }

  /** The glob that hides {@code relative} (a path relative to its root), or null. */
  String deniedBy(Path relative) {
    return firstMatch(deny, relative);
  }

  /** The glob that forbids writing {@code relative}, or null; includes {@link #deniedBy}. */
  String writeDeniedBy(Path relative) {
    String rule = firstMatch(deny, relative);
    return rule != null ? rule : firstMatch(writeDeny, relative);
  }

  /**
   * Whether one entry met while walking a tree is hidden; its ancestors were checked on the way
   * down, so only its own name and its whole relative path are matched.
   */
  boolean hidesEntry(String name, String relativePath) {
    return (deny.matchesName(name) && !allow.matchesName(name))
        || (deny.matchesPath(relativePath) && !allow.matchesPath(relativePath));
  }

  private String firstMatch(RuleSet rules, Path relative) {
    String path = relative.toString();
    if (path.isEmpty()) {
      return null;
    }
    for (Path n : relative) {
      String name = n.toString();
      if (rules.matchesName(name) && !allow.matchesName(name)) {
        return rules.which(name, null);
      }
    }
    if (rules.matchesPath(path) && !allow.matchesPath(path)) {
      return rules.which(null, path);
    }
    return null;
  }
}
