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
   * grouped under {@code policy:}, so {@code policy.confirm} sets {@code --confirm}, and the OAuth
   * options under {@code oauth:}.
   */
  private static final Map<String, String> ALIASES =
      Map.of(
          "policy.read-only", "read-only",
          "policy.allow-tools", "allow-tools",
          "policy.deny-tools", "exclude-tools",
          "policy.confirm", "confirm",
          "policy.tool-timeout", "tool-timeout",
          "policy.rate-limit", "rate-limit",
          "oauth.issuer", "oauth-issuer",
          "oauth.jwks-url", "oauth-jwks-url",
          "oauth.audience", "oauth-audience");

  /**
   * Sections that are one option's {@code NAME=VALUE} list written as a map: {@code oauth.scopes:
   * {read: X, write: Y}} sets {@code --oauth-scopes-map read=X,write=Y}.
   */
  private static final Map<String, String> MAP_SECTIONS =
      Map.of("oauth.scopes", "oauth-scopes-map");

  private static final ConfigFile NONE = new ConfigFile(null, Map.of(), Map.of());

  private final Path path;
  private final Map<String, String> values;
  private final Map<String, String> fileKeys;

  /**
   * @param values option key to value
   * @param fileKeys option key to the key the file wrote it under, where they differ
   */
  private ConfigFile(Path path, Map<String, String> values, Map<String, String> fileKeys) {
    this.path = path;
    this.values = values;
    this.fileKeys = fileKeys;
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
      var fileKeys = new LinkedHashMap<String, String>();
      if (tree != null) {
        flatten("", tree, new Flat(flat, fileKeys), path);
      }
      return new ConfigFile(path, flat, fileKeys);
    } catch (JacksonException e) {
      throw new ConfigException(
          "Config file " + path + " is not valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ConfigException("Cannot read config file " + path + ": " + e.getMessage());
    }
  }

  /** The flattened file: option values, and the file key of each option set under another key. */
  private record Flat(Map<String, String> values, Map<String, String> fileKeys) {}

  private static void flatten(String prefix, Map<?, ?> tree, Flat out, Path path) {
    for (var entry : tree.entrySet()) {
      String key = prefix + entry.getKey();
      Object value = entry.getValue();
      if (value instanceof Map<?, ?> nested && MAP_SECTIONS.containsKey(key)) {
        put(out, MAP_SECTIONS.get(key), pairs(key, nested, path), key, path);
      } else if (value instanceof Map<?, ?> nested) {
        flatten(key + ".", nested, out, path);
      } else if (value instanceof Collection<?> list) {
        put(
            out,
            ALIASES.getOrDefault(key, key),
            list.stream().map(String::valueOf).collect(Collectors.joining(",")),
            key,
            path);
      } else if (value == null) {
        throw new ConfigException(path + ": key '" + key + "' has no value.");
      } else {
        put(out, ALIASES.getOrDefault(key, key), String.valueOf(value), key, path);
      }
    }
  }

  /** One option set once: a section key and the plain key for the same option is an error. */
  private static void put(Flat out, String option, String value, String key, Path path) {
    if (out.values().putIfAbsent(option, value) != null) {
      throw new ConfigException(
          path + ": key '" + key + "' sets '" + option + "', which another key sets too.");
    }
    if (!option.equals(key)) {
      out.fileKeys().put(option, key);
    }
  }

  private static String pairs(String key, Map<?, ?> map, Path path) {
    var pairs = new java.util.ArrayList<String>();
    for (var entry : map.entrySet()) {
      if (entry.getValue() == null
          || entry.getValue() instanceof Map<?, ?>
          || entry.getValue() instanceof Collection<?>) {
        throw new ConfigException(
            path + ": key '" + key + "." + entry.getKey() + "' must be a single value.");
      }
      pairs.add(entry.getKey() + "=" + entry.getValue());
    }
    return String.join(",", pairs);
  }

  /**
   * The section keys that set an option by another name, with the option's key: for the generated
   * configuration reference.
   */
  public static Map<String, String> sectionKeys() {
    var keys = new java.util.TreeMap<String, String>(ALIASES);
    MAP_SECTIONS.forEach((section, option) -> keys.put(section + ".PERMISSION", option));
    return keys;
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
    return "key '" + fileKeys.getOrDefault(key, key) + "' in " + path;
  }
}
