package io.devhost.bridge.planner;

import io.devhost.bridge.host.HostTool;
import io.devhost.bridge.host.ToolResult;
import io.devhost.core.UntrustedText;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The context ledger: one entry per tool call, kept across steps (and across tasks in a chat) with
 * its provenance. Fed back each step within a fixed character budget: when the entries do not fit,
 * the oldest lose their excerpt first, then their line; every full result stays readable through
 * the {@code ledger_read} tool, which the host answers itself.
 */
public final class Ledger {

  public static final String SERVER = "bridge";
  public static final String READ_TOOL = "ledger_read";
  static final int FACT_CHARS = 240;
  static final int READ_CHARS = 3000;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final List<LedgerEntry> entries = new ArrayList<>();

  LedgerEntry add(int step, HostTool tool, Map<String, Object> arguments, ToolResult result) {
    var entry =
        new LedgerEntry(
            entries.size() + 1,
            step,
            tool.server(),
            tool.tool().name(),
            ActionParser.abbreviate(JSON.writeValueAsString(arguments)),
            result.error(),
            result.text(),
            fact(result.text()));
    entries.add(entry);
    return entry;
  }

  public List<LedgerEntry> entries() {
    return List.copyOf(entries);
  }

  Optional<LedgerEntry> get(int id) {
    return id >= 1 && id <= entries.size() ? Optional.of(entries.get(id - 1)) : Optional.empty();
  }

  private static String fact(String text) {
    String flat = UntrustedText.inert(text).replaceAll("\\s+", " ").strip();
    return flat.length() <= FACT_CHARS ? flat : flat.substring(0, FACT_CHARS) + "…";
  }

  /** The ledger as fed back to the model, at most {@code budget} characters. */
  String render(int budget) {
    if (entries.isEmpty()) {
      return "";
    }
    int n = entries.size();
    boolean[] withFact = new boolean[n];
    java.util.Arrays.fill(withFact, true);
    int first = 0;
    int size = size(first, withFact);
    for (int i = 0; i < n && size > budget; i++) {
      withFact[i] = false;
      size = size(first, withFact);
    }
    while (first < n - 1 && size > budget) {
      first++;
      size = size(first, withFact);
    }
    var out = new StringBuilder();
    if (first > 0) {
      out.append("(").append(first).append(" earlier entries left out; ledger_read shows any)\n");
    }
    for (int i = first; i < n; i++) {
      out.append(line(entries.get(i), withFact[i])).append('\n');
    }
    return out.toString().strip();
  }

  private int size(int first, boolean[] withFact) {
    int total = 0;
    for (int i = first; i < entries.size(); i++) {
      total += line(entries.get(i), withFact[i]).length() + 1;
    }
    return total;
  }

  private static String line(LedgerEntry e, boolean withFact) {
    String status = e.error() ? " FAILED" : "";
    if (!withFact) {
      return e.source() + status + " (" + e.result().length() + " chars; ledger_read to see)";
    }
    return e.source() + status + " -> " + e.fact();
  }

  /** The definition of {@code ledger_read}, offered next to the servers' tools. */
  static HostTool readTool() {
    Map<String, Object> schema =
        Map.of(
            "type",
            "object",
            "properties",
            Map.of(
                "entry",
                    Map.of("type", "integer", "minimum", 1, "description", "Ledger entry number."),
                "offset",
                    Map.of(
                        "type",
                        "integer",
                        "description",
                        "First character to show; 0 by default, negative counts from the end.")),
            "required",
            List.of("entry"),
            "additionalProperties",
            false);
    var tool =
        McpSchema.Tool.builder()
            .name(READ_TOOL)
            .title("Read a ledger entry")
            .description(
                "Shows more of an earlier tool result kept in the ledger, "
                    + READ_CHARS
                    + " characters from offset. Use it instead of repeating a call.")
            .inputSchema(schema)
            .annotations(
                new McpSchema.ToolAnnotations(
                    "Read a ledger entry", true, false, true, false, null))
            .build();
    return new HostTool(READ_TOOL, SERVER, tool);
  }

  /** Answers a {@code ledger_read} call. */
  ToolResult read(Map<String, Object> arguments) {
    int id = ((Number) arguments.get("entry")).intValue();
    int asked = arguments.get("offset") instanceof Number o ? o.intValue() : 0;
    var entry = get(id);
    if (entry.isEmpty()) {
      return new ToolResult(
          true, "there is no ledger entry #" + id + "; the ledger has " + entries.size());
    }
    String text = entry.get().result();
    int offset = asked < 0 ? Math.max(0, text.length() + asked) : asked;
    if (offset >= text.length()) {
      return new ToolResult(true, "entry #" + id + " has only " + text.length() + " characters");
    }
    int end = Math.min(text.length(), offset + READ_CHARS);
    String more =
        end < text.length()
            ? "\n[" + (text.length() - end) + " more characters from offset " + end + "]"
            : "";
    return new ToolResult(false, text.substring(offset, end) + more);
  }
}
