package io.devhost.bridge.planner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Hides secret-looking argument values before they are written to the audit log: values under keys
 * such as {@code password} or {@code token}, and values shaped like well-known credentials (GitHub
 * and OpenAI keys, bearer tokens, URLs with a password).
 */
final class SecretRedactor {

  static final String REDACTED = "[redacted]";

  private static final Pattern SECRET_KEY =
      Pattern.compile(
          "(?i).*(password|passwd|secret|token|api[_-]?key|authorization|credential|private[_-]?key|cookie).*");
  private static final Pattern SECRET_VALUE =
      Pattern.compile(
          "(?s)(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_\\w{20,}|sk-[A-Za-z0-9_-]{16,}"
              + "|(?i:bearer)\\s+\\S{8,}|AKIA[0-9A-Z]{16}|-----BEGIN [A-Z ]*PRIVATE KEY-----.*)");
  private static final Pattern URL_PASSWORD = Pattern.compile("(\\w+://[^:/@\\s]+:)[^@\\s]+@");

  private SecretRedactor() {}

  static Map<String, Object> redact(Map<String, Object> arguments) {
    var out = new LinkedHashMap<String, Object>();
    arguments.forEach((k, v) -> out.put(k, SECRET_KEY.matcher(k).matches() ? REDACTED : value(v)));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object value(Object v) {
    if (v instanceof Map<?, ?> map) {
      return redact((Map<String, Object>) map);
    }
    if (v instanceof List<?> list) {
      return list.stream().map(SecretRedactor::value).toList();
    }
    if (v instanceof String s) {
      String masked = SECRET_VALUE.matcher(s).replaceAll(REDACTED);
      return URL_PASSWORD.matcher(masked).replaceAll("$1" + REDACTED + "@");
    }
    return v;
  }
}
