package io.devhost.bridge.changes;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The change monitor's rules: the defaults shipped with DevHost ({@code default-rules.yaml}), then
 * a user's rule file ({@code --monitor-rules FILE}, same format: a rule with a known id replaces
 * it, a new id adds one, {@code categories: {name: off}} switches a category off), then categories
 * switched off on the command line. Every error is found at start-up and names the file and rule.
 */
public final class RuleSet {

  static final String DEFAULTS = "default-rules.yaml";
  private static final YAMLMapper YAML = YAMLMapper.builder().build();
  private static final Set<String> RULE_KEYS =
      Set.of(
          "id",
          "category",
          "reason",
          "kinds",
          "path",
          "pathUnless",
          "added",
          "unless",
          "near",
          "unlessNear",
          "removed",
          "newEntries");

  private final List<Rule> rules;

  private RuleSet(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  public List<Rule> rules() {
    return rules;
  }

  /** The categories the rules name, sorted. */
  public Set<String> categories() {
    var names = new TreeSet<String>();
    rules.forEach(r -> names.add(r.category()));
    return names;
  }

  public static RuleSet defaults() {
    return load(null, Set.of());
  }

  /**
   * The defaults, extended by {@code userFile} (may be null), without the categories in {@code
   * off}.
   *
   * @throws IllegalArgumentException naming the file and rule when a rule cannot be used
   */
  public static RuleSet load(Path userFile, Set<String> off) {
    var byId = new LinkedHashMap<String, Rule>();
    var switchedOff = new TreeSet<String>();
    try (InputStream in = RuleSet.class.getResourceAsStream(DEFAULTS)) {
      if (in == null) {
        throw new IllegalStateException("the default change-monitor rules are missing");
      }
      read(DEFAULTS, YAML.readTree(in), byId, switchedOff);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (userFile != null) {
      if (!Files.isRegularFile(userFile)) {
        throw new IllegalArgumentException("--monitor-rules: no file at " + userFile);
      }
      try {
        read(userFile.toString(), YAML.readTree(userFile.toFile()), byId, switchedOff);
      } catch (JacksonException e) {
        throw new IllegalArgumentException(
            "--monitor-rules " + userFile + " is not valid YAML: " + e.getOriginalMessage());
      }
    }
    var known = new TreeSet<String>();
    byId.values().forEach(r -> known.add(r.category()));
    for (String name : off) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException(
            "--monitor-off: no rule category '" + name + "'; the categories are " + known);
      }
    }
    switchedOff.addAll(off);
    var kept = new ArrayList<Rule>();
    byId.values().stream().filter(r -> !switchedOff.contains(r.category())).forEach(kept::add);
    return new RuleSet(kept);
  }

  private static void read(
      String source, JsonNode root, Map<String, Rule> byId, Set<String> switchedOff) {
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(
          source + ": a rule file is a mapping with 'rules:' and/or 'categories:'");
    }
    JsonNode categories = root.path("categories");
    for (var entry : categories.properties()) {
      String value = entry.getValue().asString().toLowerCase(Locale.ROOT);
      if (value.equals("off") || value.equals("false")) {
        switchedOff.add(entry.getKey());
      } else if (value.equals("on") || value.equals("true")) {
        switchedOff.remove(entry.getKey());
      } else {
        throw new IllegalArgumentException(
            source + ": categories." + entry.getKey() + " must be on or off, not '" + value + "'");
      }
    }
    int index = 0;
    for (JsonNode node : root.path("rules")) {
      Rule rule = rule(source, index++, node);
      byId.put(rule.id(), rule);
    }
  }

  private static Rule rule(String source, int index, JsonNode node) {
    String id = node.path("id").asString("");
    String where = source + ": rule " + (id.isEmpty() ? "#" + (index + 1) : "'" + id + "'");
    for (var entry : node.properties()) {
      if (!RULE_KEYS.contains(entry.getKey())) {
        throw new IllegalArgumentException(
            where
                + ": unknown key '"
                + entry.getKey()
                + "'; the keys are "
                + new TreeSet<>(RULE_KEYS));
      }
    }
    String category = node.path("category").asString("");
    String reason = node.path("reason").asString("");
    if (id.isEmpty() || category.isEmpty() || reason.isEmpty()) {
      throw new IllegalArgumentException(where + ": needs id, category and reason");
    }
    Pattern added = pattern(where, node, "added");
    Pattern removed = pattern(where, node, "removed");
    Pattern path = pattern(where, node, "path");
    if (added == null && removed == null && path == null) {
      throw new IllegalArgumentException(
          where + ": needs at least one of path, added or removed, or it would flag every change");
    }
    return new Rule(
        id,
        category,
        reason,
        kinds(where, node.path("kinds")),
        path,
        pattern(where, node, "pathUnless"),
        added,
        pattern(where, node, "unless"),
        pattern(where, node, "near"),
        pattern(where, node, "unlessNear"),
        removed,
        pattern(where, node, "newEntries"));
  }

  private static Set<ProposedChange.Kind> kinds(String where, JsonNode node) {
    if (node.isMissingNode()) {
      return EnumSet.allOf(ProposedChange.Kind.class);
    }
    var kinds = EnumSet.noneOf(ProposedChange.Kind.class);
    for (JsonNode k : node) {
      try {
        kinds.add(ProposedChange.Kind.valueOf(k.asString().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            where + ": kinds lists '" + k.asString() + "'; use file, sql or other");
      }
    }
    return kinds;
  }

  private static Pattern pattern(String where, JsonNode node, String key) {
    JsonNode value = node.path(key);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    try {
      return Pattern.compile(value.asString());
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          where + ": '" + key + "' is not a valid RE2 pattern: " + e.getMessage());
    }
  }
}
