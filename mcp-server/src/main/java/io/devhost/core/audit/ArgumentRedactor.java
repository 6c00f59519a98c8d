package io.devhost.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Makes tool arguments safe to keep: values under secret-looking keys are replaced, strings that
 * look like credentials (GitHub tokens, bearer tokens, passwords in URLs) are masked, and large
 * strings are replaced by their SHA-256 and length, so the log shows that two calls had the same
 * argument without holding the content.
 */
public final class ArgumentRedactor {

  public static final String REDACTED = "[redacted]";

  /** Strings longer than this are kept as a hash. */
  public static final int MAX_INLINE_CHARS = 256;

  private static final Pattern SECRET_KEY =
      Pattern.compile(
          ".*(password|passwd|secret|token|api[_-]?key|authorization|credential|private[_-]?key).*");
  private static final Pattern SECRET_VALUE =
      Pattern.compile(
          "(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}"
              + "|(?i:bearer)\\s+[A-Za-z0-9._~+/=-]{8,}"
              + "|-----BEGIN [A-Z ]*PRIVATE KEY-----)");

  /** {@code password = "…"}, {@code API_KEY: …} in code or config: the value is masked. */
  private static final Pattern SECRET_ASSIGNMENT =
      Pattern.compile(
          "(?i)((?:password|passwd|secret|token|api[_-]?key|private[_-]?key|access[_-]?key(?:_id)?)"
              + "[a-z0-9_]*[\"']?\\s*(?:=|:|==)\\s*[bfr]?[\"']?)[^\"'\\s,;)]{4,}");

  private static final Pattern URL_PASSWORD = Pattern.compile("(://[^:/@\\s]+:)[^@\\s]+@");

  private ArgumentRedactor() {}

  public static Map<String, Object> redact(Map<String, Object> arguments) {
    if (arguments == null) {
      return Map.of();
    }
    var out = new LinkedHashMap<String, Object>();
    arguments.forEach((k, v) -> out.put(k, isSecretKey(k) ? REDACTED : value(v)));
    return out;
  }

  private static boolean isSecretKey(String key) {
    return SECRET_KEY.matcher(key.toLowerCase(Locale.ROOT)).matches();
  }

  private static Object value(Object v) {
    if (v instanceof Map<?, ?> map) {
      var nested = new LinkedHashMap<String, Object>();
      map.forEach((k, x) -> nested.put(String.valueOf(k), x));
      return redact(nested);
    }
    if (v instanceof List<?> list) {
      var copy = new ArrayList<>(list.size());
      list.forEach(x -> copy.add(value(x)));
      return copy;
    }
    if (v instanceof String s) {
      return string(s);
    }
    return v;
  }

  /**
   * Masks credential-looking strings inside a text kept whole (a diff in the audit log): tokens,
   * bearer values, private keys, URL passwords and values assigned to secret-looking names become
   * {@value #REDACTED}.
   */
  public static String mask(String text) {
    return SECRET_ASSIGNMENT.matcher(maskValues(text)).replaceAll("$1" + REDACTED);
  }

  private static String maskValues(String text) {
    String masked = SECRET_VALUE.matcher(text).replaceAll(REDACTED);
    return URL_PASSWORD.matcher(masked).replaceAll("$1" + REDACTED + "@");
  }

  private static String string(String s) {
    String masked = maskValues(s);
    if (masked.length() > MAX_INLINE_CHARS) {
      return "sha256:" + sha256(masked) + " (" + s.length() + " chars)";
    }
    return masked;
  }

  private static String sha256(String s) {
    try {
      var digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
