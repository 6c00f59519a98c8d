package io.devhost.bridge.host;

import java.util.List;
import java.util.Map;

/** The tools the planner may call, wherever they live. */
public interface ToolHost {

  List<HostTool> tools();

  /** Calls a tool; failures come back as an error result, never as an exception. */
  ToolResult call(HostTool tool, Map<String, Object> arguments);

  /**
   * Calls a tool for the host's own use (a change preview reads a file or asks for a dry run) and
   * returns its structured content too: rendered text may be fenced or shortened for the model.
   */
  default DataResult callForData(HostTool tool, Map<String, Object> arguments) {
    ToolResult r = call(tool, arguments);
    return new DataResult(r.error(), r.text(), Map.of());
  }

  /**
   * A result with its structured content.
   *
   * @param data the structured content; empty when the tool gives none
   */
  record DataResult(boolean error, String text, Map<String, Object> data) {}
}
