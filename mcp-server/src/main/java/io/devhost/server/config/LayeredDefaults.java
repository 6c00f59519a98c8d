package io.devhost.server.config;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Supplies option values that were not given as flags: first from {@code DEVHOST_*} environment
 * variables, then from the config file. Remembers where each value came from, so an invalid value
 * can be reported with its source.
 */
public final class LayeredDefaults implements IDefaultValueProvider {

  /** Environment variables other tools already use, honoured after their DEVHOST_ names. */
  private static final Map<String, String> CONVENTIONAL_ENV =
      Map.of("database-url", "DATABASE_URL");

  private final Map<String, String> env;
  private final ConfigFile file;
  private final Map<String, String> sources = new HashMap<>();

  public LayeredDefaults(Map<String, String> env, ConfigFile file) {
    this.env = env;
    this.file = file;
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option)) {
      return null;
    }
    String key = keyOf(option);
    String envName = envName(key);
    String fromEnv = env.get(envName);
    if (fromEnv != null && !fromEnv.isBlank()) {
      sources.put(key, "environment variable " + envName);
      return fromEnv;
    }
    String conventional = CONVENTIONAL_ENV.get(key);
    String fromConventional = conventional == null ? null : env.get(conventional);
    if (fromConventional != null && !fromConventional.isBlank()) {
      sources.put(key, "environment variable " + conventional);
      return fromConventional;
    }
    String fromFile = file.value(key);
    if (fromFile != null) {
      sources.put(key, file.describe(key));
      return fromFile;
    }
    return option.defaultValue();
  }

  /** Where the value of {@code option} came from, when it was not a flag; else null. */
  public String sourceOf(OptionSpec option) {
    return sources.get(keyOf(option));
  }

  public static String keyOf(OptionSpec option) {
    return option.longestName().replaceFirst("^--", "");
  }

  public static String envName(String key) {
    return "DEVHOST_" + key.replace('-', '_').replace('.', '_').toUpperCase(Locale.ROOT);
  }
}
