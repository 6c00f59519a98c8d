package io.devhost.server;

/**
 * Points slf4j-simple at stderr (or a file) before any logger exists. Stdout belongs to the stdio
 * transport: a single stray line there breaks the client's JSON-RPC stream.
 */
final class Logging {

  private Logging() {}

  static void configure(String[] args) {
    String level = valueOf(args, "--log-level", "DEVHOST_LOG_LEVEL", "warn");
    String file = valueOf(args, "--log-file", "DEVHOST_LOG_FILE", "System.err");
    setDefault("org.slf4j.simpleLogger.logFile", file);
    setDefault("org.slf4j.simpleLogger.defaultLogLevel", level);
    setDefault("org.slf4j.simpleLogger.showDateTime", "true");
    setDefault("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    setDefault("org.slf4j.simpleLogger.showShortLogName", "true");
  }

  // Logging must be set before the command line is parsed (parsing loads classes that log), so
  // these two options are read here by hand; picocli still declares and documents them.
  private static String valueOf(String[] args, String flag, String env, String fallback) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals(flag) && i + 1 < args.length) {
        return args[i + 1];
      }
      if (args[i].startsWith(flag + "=")) {
        return args[i].substring(flag.length() + 1);
      }
    }
    String fromEnv = System.getenv(env);
    return fromEnv == null || fromEnv.isBlank() ? fallback : fromEnv;
  }

  private static void setDefault(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
