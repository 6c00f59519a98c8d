package io.devhost.bridge.host;

import java.util.List;
import java.util.Map;

/** The tools the planner may call, wherever they live. */
public interface ToolHost {

  List<HostTool> tools();

  /** Calls a tool; failures come back as an error result, never as an exception. */
  ToolResult call(HostTool tool, Map<String, Object> arguments);
}
