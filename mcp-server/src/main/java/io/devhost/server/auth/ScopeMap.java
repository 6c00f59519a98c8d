package io.devhost.server.auth;

import java.util.Collection;
import java.util.List;

/**
 * Which OAuth scope grants which permission: {@code read} lets a caller connect, list and call the
 * tools that only read; {@code write} adds the tools that write (still subject to confirmation).
 * Scope names differ between identity providers, so both are configurable.
 */
public record ScopeMap(String read, String write) {

  public static final ScopeMap DEFAULT = new ScopeMap("devhost:read", "devhost:write");

  public ScopeMap {
    checkName("read", read);
    checkName("write", write);
    if (read.equals(write)) {
      throw new IllegalArgumentException(
          "--oauth-scopes-map gives read and write the same scope " + read + "; use two scopes.");
    }
  }

  /** Parses {@code read=SCOPE,write=SCOPE}; a permission left out keeps its default scope. */
  public static ScopeMap parse(List<String> entries) {
    String read = DEFAULT.read;
    String write = DEFAULT.write;
    for (String entry : entries) {
      int eq = entry.indexOf('=');
      String key = eq < 0 ? entry.strip() : entry.substring(0, eq).strip();
      String value = eq < 0 ? "" : entry.substring(eq + 1).strip();
      switch (key) {
        case "read" -> read = value;
        case "write" -> write = value;
        default ->
            throw new IllegalArgumentException(
                "--oauth-scopes-map: unknown permission '"
                    + key
                    + "' in '"
                    + entry
                    + "'; use read=SCOPE and/or write=SCOPE.");
      }
    }
    return new ScopeMap(read, write);
  }

  public boolean grantsRead(Collection<String> scopes) {
    return scopes.contains(read);
  }

  public boolean grantsWrite(Collection<String> scopes) {
    return scopes.contains(write);
  }

  public List<String> all() {
    return List.of(read, write);
  }

  private static void checkName(String permission, String scope) {
    // RFC 6749 scope tokens: printable ASCII without space, quote or backslash.
    if (scope == null || scope.isEmpty() || !scope.chars().allMatch(ScopeMap::scopeChar)) {
      throw new IllegalArgumentException(
          "--oauth-scopes-map: the "
              + permission
              + " scope '"
              + scope
              + "' is not a valid OAuth scope name (printable ASCII, no spaces or quotes).");
    }
  }

  private static boolean scopeChar(int c) {
    return c == 0x21 || (c >= 0x23 && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
  }
}
