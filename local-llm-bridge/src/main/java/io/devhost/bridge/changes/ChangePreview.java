package io.devhost.bridge.changes;

import io.devhost.bridge.changes.ProposedChange.Kind;
import io.devhost.bridge.host.HostTool;
import io.devhost.bridge.host.ToolHost;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Works out what a proposed write would change, without changing anything: the server's own dry run
 * where the tool has one ({@code dryRun} on edits), else the current content read through the same
 * server's read tool, diffed against the proposed content. SQL and other writes are shown as their
 * text. When the diff cannot be made the change carries the reason, and is flagged.
 */
final class ChangePreview {

  /** Read tools, in the order they are tried: DevHost's and the reference server's, GitHub's. */
  private static final List<String> READ_TOOLS =
      List.of("read_text_file", "read_file", "get_file_contents");

  /** Diffs longer than this are not reviewable at a prompt; the model should split the change. */
  static final int MAX_DIFF_LINES = 5_000;

  static final int MAX_CONTENT_CHARS = 2 * 1024 * 1024;
  private static final Pattern MISSING =
      Pattern.compile("(?i)no such file|not found|does not exist|ENOENT|404");

  private final ToolHost host;

  ChangePreview(ToolHost host) {
    this.host = host;
  }

  List<ProposedChange> of(HostTool tool, Map<String, Object> args) {
    String name = tool.tool().name();
    String path = firstString(args, "path", "file_path");
    String sql = firstString(args, "sql", "statement");
    if (path == null && sql != null) {
      return List.of(checked(tool, "SQL", Kind.SQL, UnifiedDiffs.allAdded("SQL", sql)));
    }
    if (args.get("files") instanceof List<?> files) {
      return pushed(tool, files);
    }
    if (path != null && args.get("edits") instanceof List<?> && hasProperty(tool, "dryRun")) {
      return List.of(dryRun(tool, path, args));
    }
    if (path != null && args.get("content") instanceof String content) {
      return List.of(written(tool, path, args, content));
    }
    if (path != null && args.get("edits") instanceof List<?> edits) {
      return List.of(edited(tool, path, args, edits));
    }
    if (path != null) {
      // no content to diff (delete, create a directory, or arguments this preview does not
      // know): the arguments are what the rules see, so nothing in them passes unscreened
      return List.of(checked(tool, path, Kind.FILE, UnifiedDiffs.allAdded(path, describe(args))));
    }
    return List.of(checked(tool, name, Kind.OTHER, UnifiedDiffs.allAdded(name, describe(args))));
  }

  private ProposedChange dryRun(HostTool tool, String path, Map<String, Object> args) {
    var preview = new LinkedHashMap<>(args);
    preview.put("dryRun", true);
    var result = host.callForData(tool, preview);
    if (result.error()) {
      return ProposedChange.unreviewable(
          tool.server(),
          tool.tool().name(),
          path,
          Kind.FILE,
          "the dry run failed, so the edit would fail too: " + result.text());
    }
    Object diff = result.data().get("diff");
    return checked(tool, path, Kind.FILE, diff instanceof String d ? d : result.text());
  }

  /** Edits on a server without a dry run: applied here, exactly, to the content read back. */
  private ProposedChange edited(
      HostTool tool, String path, Map<String, Object> args, List<?> edits) {
    String name = tool.tool().name();
    Current current = read(tool, path, args);
    if (current.problem() != null) {
      return ProposedChange.unreviewable(tool.server(), name, path, Kind.FILE, current.problem());
    }
    String after = current.text();
    for (Object e : edits) {
      if (!(e instanceof Map<?, ?> edit
          && edit.get("oldText") instanceof String oldText
          && edit.get("newText") instanceof String newText
          && !oldText.isEmpty()
          && after.contains(oldText))) {
        return ProposedChange.unreviewable(
            tool.server(),
            name,
            path,
            Kind.FILE,
            "an edit's oldText does not occur exactly in the file, so the change cannot be"
                + " previewed; copy oldText from the file");
      }
      after = after.replace(oldText, newText);
    }
    return checked(tool, path, Kind.FILE, UnifiedDiffs.of(path, current.text(), after));
  }

  private ProposedChange written(
      HostTool tool, String path, Map<String, Object> args, String content) {
    String name = tool.tool().name();
    if (content.length() > MAX_CONTENT_CHARS) {
      return ProposedChange.unreviewable(
          tool.server(),
          name,
          path,
          Kind.FILE,
          "the content is too large to review ("
              + content.length()
              + " characters); write it in smaller parts");
    }
    Current current = read(tool, path, args);
    if (current.problem() != null) {
      return ProposedChange.unreviewable(tool.server(), name, path, Kind.FILE, current.problem());
    }
    String after = name.contains("append") ? current.text() + content : content;
    if (after.indexOf('\0') >= 0) {
      return ProposedChange.unreviewable(
          tool.server(), name, path, Kind.FILE, "the new content is binary; it cannot be reviewed");
    }
    return checked(tool, path, Kind.FILE, UnifiedDiffs.of(path, current.text(), after));
  }

  /** A multi-file push: each file as all-new lines (the remote content is not read). */
  private List<ProposedChange> pushed(HostTool tool, List<?> files) {
    var changes = new ArrayList<ProposedChange>();
    for (Object f : files) {
      if (f instanceof Map<?, ?> file
          && file.get("path") instanceof String p
          && file.get("content") instanceof String c) {
        changes.add(checked(tool, p, Kind.FILE, UnifiedDiffs.allAdded(p, c)));
      } else {
        changes.add(
            ProposedChange.unreviewable(
                tool.server(),
                tool.tool().name(),
                tool.tool().name(),
                Kind.FILE,
                "a pushed file without a path and text content cannot be reviewed"));
      }
    }
    return changes;
  }

  private ProposedChange checked(HostTool tool, String target, Kind kind, String diff) {
    long lines = diff.lines().count();
    if (lines > MAX_DIFF_LINES) {
      return ProposedChange.unreviewable(
          tool.server(),
          tool.tool().name(),
          target,
          kind,
          "the diff is too large to review ("
              + lines
              + " lines, most "
              + MAX_DIFF_LINES
              + "); propose it in smaller changes");
    }
    return ProposedChange.ofDiff(tool.server(), tool.tool().name(), target, kind, diff);
  }

  /** The target's current text: empty for a new file, or why it cannot be read. */
  private record Current(String text, String problem) {}

  private Current read(HostTool writer, String path, Map<String, Object> args) {
    Optional<HostTool> reader = readTool(writer);
    if (reader.isEmpty()) {
      return new Current(
          null,
          "server '"
              + writer.server()
              + "' has no read tool ("
              + String.join(", ", READ_TOOLS)
              + "), so the current content cannot be shown");
    }
    var request = new LinkedHashMap<String, Object>();
    for (String key : List.of("owner", "repo")) {
      if (args.containsKey(key)) {
        request.put(key, args.get(key));
      }
    }
    request.put("path", path);
    if (args.get("branch") != null && hasProperty(reader.get(), "ref")) {
      request.put("ref", args.get("branch"));
    }
    if (hasProperty(reader.get(), "maxBytes")) {
      request.put("maxBytes", MAX_CONTENT_CHARS);
    }
    var result = host.callForData(reader.get(), request);
    if (result.error()) {
      return MISSING.matcher(result.text()).find()
          ? new Current("", null)
          : new Current(null, "the current content cannot be read: " + result.text());
    }
    if (Boolean.TRUE.equals(result.data().get("truncated"))) {
      return new Current(null, "the file is too large to review; edit it in smaller parts");
    }
    Object content = result.data().get("content");
    return new Current(content instanceof String s ? s : result.text(), null);
  }

  private Optional<HostTool> readTool(HostTool writer) {
    for (String name : READ_TOOLS) {
      for (HostTool t : host.tools()) {
        if (t.server().equals(writer.server()) && t.readOnly() && t.tool().name().equals(name)) {
          return Optional.of(t);
        }
      }
    }
    return Optional.empty();
  }

  private static boolean hasProperty(HostTool tool, String property) {
    Map<String, Object> schema = tool.tool().inputSchema();
    return schema != null
        && schema.get("properties") instanceof Map<?, ?> properties
        && properties.containsKey(property);
  }

  private static String firstString(Map<String, Object> args, String... keys) {
    for (String k : keys) {
      if (args.get(k) instanceof String s && !s.isBlank()) {
        return s;
      }
    }
    return null;
  }

  /** The arguments as "key: value" lines, nested values flattened; what other writes show. */
  private static String describe(Map<String, Object> args) {
    var sb = new StringBuilder();
    args.forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
    return sb.isEmpty() ? "(no arguments)" : sb.toString();
  }
}
