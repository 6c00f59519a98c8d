package io.devhost.bridge;

import io.devhost.bridge.changes.RuleSet;
import io.devhost.bridge.host.ServerConfig;
import io.devhost.bridge.model.ModelOptions;
import io.devhost.bridge.model.Sampling;
import io.devhost.bridge.planner.ApprovalPolicy;
import io.devhost.bridge.planner.Budgets;
import io.devhost.bridge.trust.TrustList;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything needed to start the bridge.
 *
 * @param root the working directory, offered to servers as the client's one root
 * @param sampling whether servers may ask the local model to answer (after the user agrees)
 * @param keepThoughts whether transcripts keep each step's reasoning
 * @param trust the tools the user trusts (or distrusts), checked against the servers' tools
 * @param changeRules the change monitor's rules, which screen every write the model proposes
 */
public record BridgeConfig(
    ModelOptions model,
    List<ServerConfig> servers,
    Path root,
    Budgets budgets,
    Sampling samplingSettings,
    ApprovalPolicy approval,
    boolean sampling,
    boolean keepThoughts,
    Duration requestTimeout,
    TrustList trust,
    RuleSet changeRules) {

  public BridgeConfig {
    if (changeRules == null) {
      throw new IllegalArgumentException("the bridge needs change-monitor rules");
    }
    servers = List.copyOf(servers);
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("the bridge needs at least one MCP server");
    }
  }
}
