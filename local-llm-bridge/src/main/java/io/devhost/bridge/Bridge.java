package io.devhost.bridge;

import io.devhost.bridge.changes.ChangeReviewer;
import io.devhost.bridge.host.ClientFeatures;
import io.devhost.bridge.host.McpHost;
import io.devhost.bridge.host.UserConsole;
import io.devhost.bridge.model.ModelBackend;
import io.devhost.bridge.planner.ApprovalGate;
import io.devhost.bridge.planner.Planner;
import io.devhost.bridge.planner.ToolCallListener;

/**
 * The bridge put together: a model, the MCP servers, and the planner between them. The model is
 * opened first, so a missing model is reported before any server is started.
 */
public final class Bridge implements AutoCloseable {

  private final ModelBackend model;
  private final McpHost host;
  private final Planner planner;

  private Bridge(ModelBackend model, McpHost host, Planner planner) {
    this.model = model;
    this.host = host;
    this.planner = planner;
  }

  public static Bridge open(BridgeConfig config, UserConsole console, ToolCallListener audit) {
    return open(config.model().open(), config, console, audit);
  }

  /** With a model already open (tests, or a model shared by several sessions). */
  public static Bridge open(
      ModelBackend model, BridgeConfig config, UserConsole console, ToolCallListener audit) {
    try {
      var features =
          new ClientFeatures(
              config.root(),
              console,
              config.sampling()
                  ? new SamplingResponder(model, console, config.samplingSettings())
                  : null);
      var host = McpHost.connect(config.servers(), features, config.requestTimeout());
      try {
        config.trust().checkAgainst(host.tools());
      } catch (IllegalArgumentException e) {
        host.close();
        throw e;
      }
      var planner =
          new Planner(
              model,
              host,
              new ApprovalGate(config.approval(), console, config.trust()),
              config.budgets(),
              config.samplingSettings(),
              audit,
              config.keepThoughts(),
              new ChangeReviewer(host, config.changeRules()));
      return new Bridge(model, host, planner);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  public ModelBackend model() {
    return model;
  }

  public McpHost host() {
    return host;
  }

  public Planner planner() {
    return planner;
  }

  @Override
  public void close() {
    try {
      host.close();
    } finally {
      model.close();
    }
  }
}
