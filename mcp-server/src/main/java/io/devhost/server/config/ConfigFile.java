package io.devhost.server.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The YAML config file, flattened to option names: {@code roots: [a, b]} is {@code --roots a,b};
 * nested maps join their keys with dots.
 */
public final class ConfigFile {

  public static final String DEFAULT_NAME = "devhost.yaml";

  /**
   * Keys of config file sections that name an option by another key: the policy options may be
   * grouped under {@code policy:}, so {@code policy.confirm} sets {@code --confirm}.
   */
  private static final Map<String, String> ALIASES =
      Map.of(
          "policy.read-only", "read-only",
          "policy.allow-tools", "allow-tools",
          "policy.deny-tools", "exclude-tools",
          "policy.confirm", "confirm",
          "policy.tool-timeout", "tool-timeout",
          "policy.rate-limit", "rate-limit");

  private static final ConfigFile NONE = new ConfigFile(null, Map.of());

  private final Path path;
  private final Map<String, String> values;

  private ConfigFile(Path path, Map<String, String> values) {
    this.path = path;
    this.values = values;
  }

  /** Thrown for a file that cannot be read or holds a key no option knows. */
  public static final class ConfigException extends RuntimeException {
    ConfigException(String message) {
      super(message, null, false, false);
    }
  }

  /** The file named by {@code --config} or {@code DEVHOST_CONFIG}, else ./devhost.yaml if any. */
  public static ConfigFile locate(String[] args, Map<String, String> env) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) {
        return load(Path.of(args[i + 1]));
      }
      if (args[i].startsWith("--config=")) {
        return load(Path.of(args[i].substring("--config=".length())));
      }
    }
    String fromEnv = env.get("DEVHOST_CONFIG");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return load(Path.of(fromEnv));
    }
    Path local = Path.of(DEFAULT_NAME);
    return Files.isRegularFile(local) ? load(local) : NONE;
  }

  static ConfigFile load(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new ConfigException("Config file not found: " + path);
    }
    try {
      Map<String, Object> tree =
          new YAMLMapper().readValue(Files.readString(path), new TypeReference<>() {});
      var flat = new LinkedHashMap<String, String>();
      if (tree != null) {
        flatten("", tree, flat, path);
      }
      return new ConfigFile(path, flat);
    } catch (JacksonException e) {
      throw new ConfigException(
          "Config file " + path + " is not valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ConfigException("Cannot read config file " + path + ": " + e.getMessage());
    }
  }

  private static void flatten(String prefix, Map<?, ?> tree, Map<String, String> out, Path path) {
    for (var entry : tree.entrySet()) {
      String key = prefix + entry.getKey();
      Object value = entry.getValue();
      if (value instanceof Map<?, ?> nested) {
        flatten(key + ".", nested, out, path);
      } else if (value instanceof Collection<?> list) {
        out.put(
            ALIASES.getOrDefault(key, key),
            list.stream().map(String::valueOf).collect(Collectors.joining(",")));
      } else if (value == null) {
        throw new ConfigException(path + ": key '" + key + "' has no value.");
      } else {
        out.put(ALIASES.getOrDefault(key, key), String.valueOf(value));
      }
    }
  }

  /** Whether every key in the file is one of these. */
  public boolean keysIn(Set<String> knownKeys) {
    return knownKeys.containsAll(values.keySet());
  }

  /** Fails naming the first key that is not an option of any command. */
  public void requireKnownKeys(Set<String> knownKeys) {
    for (String key : values.keySet()) {
      if (!knownKeys.contains(key)) {
        throw new ConfigException(
            path
                + ": unknown key '"
                + key
                + "'. Known keys: "
                + String.join(", ", new TreeSet<>(knownKeys))
                + ".");
      }
    }
  }

  String value(String key) {
    return values.get(key);
  }

  String describe(String key) {
    return "key '" + key + "' in " + path;
  }
}
