package io.devhost.server.cli;

import io.devhost.bridge.BridgeConfig;
import io.devhost.bridge.changes.RuleSet;
import io.devhost.bridge.host.McpServersFile;
import io.devhost.bridge.host.ServerConfig;
import io.devhost.bridge.model.ModelOptions;
import io.devhost.bridge.model.Sampling;
import io.devhost.bridge.planner.ApprovalPolicy;
import io.devhost.bridge.planner.Budgets;
import io.devhost.bridge.planner.ToolCallListener;
import io.devhost.bridge.trust.TrustList;
import io.devhost.server.Main;
import io.devhost.server.config.AuditOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Options of {@code ask} and {@code chat}: the model, the MCP servers, the budgets and approvals.
 * Like every option, each is also an environment variable ({@code DEVHOST_MODEL}, ...) and a config
 * file key. This class only maps them; the bridge module does the work.
 */
final class BridgeOptions {

  @Option(
      names = "--mcp-config",
      paramLabel = "FILE",
      description =
          "MCP servers to use, Claude-Desktop style {\"mcpServers\": {...}}; ${env:VAR} is expanded."
              + " Default: DevHost's own server (serve --stdio) in the working directory.")
  Path mcpConfig;

  @Option(
      names = "--model",
      paramLabel = "MODEL",
      description = "A GGUF file to run in-process, or the model name with --ollama / --openai.")
  String model;

  @Option(
      names = "--ollama",
      paramLabel = "URL",
      description = "Ollama server, e.g. http://127.0.0.1:11434.")
  URI ollama;

  @Option(
      names = "--openai",
      paramLabel = "URL",
      description =
          "OpenAI-compatible server (llama-server, vLLM, LM Studio), e.g. http://127.0.0.1:8080/v1.")
  URI openai;

  @Option(
      names = "--api-key-env",
      paramLabel = "VAR",
      defaultValue = "OPENAI_API_KEY",
      description = "Environment variable holding the --openai key (default: ${DEFAULT-VALUE}).")
  String apiKeyEnv;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "CPU threads for a GGUF model (default: all cores).")
  Integer threads;

  @Option(
      names = "--ctx-size",
      paramLabel = "TOKENS",
      defaultValue = "8192",
      description = "Context window in tokens (default: ${DEFAULT-VALUE}).")
  int contextTokens;

  @Option(
      names = "--gpu-layers",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Layers of a GGUF model to offload to the GPU, if llama.cpp has one (default: ${DEFAULT-VALUE}).")
  int gpuLayers;

  @Option(
      names = "--max-steps",
      paramLabel = "N",
      defaultValue = "12",
      description = "Most steps (default: ${DEFAULT-VALUE}).")
  int maxSteps;

  @Option(
      names = "--max-tokens",
      paramLabel = "N",
      defaultValue = "48000",
      description = "Most tokens generated over the run (default: ${DEFAULT-VALUE}).")
  int maxTokens;

  @Option(
      names = "--max-time",
      paramLabel = "SECONDS",
      defaultValue = "600",
      description = "Most wall time for the run (default: ${DEFAULT-VALUE}).")
  int maxSeconds;

  @Option(
      names = "--think-tokens",
      paramLabel = "N",
      defaultValue = "1024",
      description =
          "Reasoning budget per step; then the thought is closed (default: ${DEFAULT-VALUE}).")
  int thinkTokens;

  @Option(
      names = "--approve",
      paramLabel = "POLICY",
      defaultValue = "ask",
      description =
          "Tools that are not read-only: never, ask (y/n/always; refused without a terminal), always"
              + " (default: ${DEFAULT-VALUE}).")
  String approve;

  @Option(
      names = "--monitor-rules",
      paramLabel = "FILE",
      description =
          "Extra change-monitor rules (YAML, the format of the default rules): a rule with a"
              + " default's id replaces it; 'categories: {NAME: off}' switches a category off.")
  Path monitorRules;

  @Option(
      names = "--monitor-off",
      split = ",",
      paramLabel = "CATEGORY",
      description =
          "Change-monitor categories to switch off: credentials, checks-off, outbound,"
              + " code-execution, obfuscation, build-and-ci, destructive-sql.")
  List<String> monitorOff = new ArrayList<>();

  @Option(
      names = "--trust",
      paramLabel = "SERVER.TOOL",
      description =
          "Let this tool run without asking, like \"alwaysAllow\" in --mcp-config (repeatable)."
              + " A call whose SQL argument is not a plain read is still asked about.")
  List<String> trust = List.of();

  @Option(
      names = "--distrust",
      paramLabel = "SERVER.TOOL",
      description =
          "Always ask before this tool runs, even if its server declares it read-only or it is"
              + " trusted (repeatable).")
  List<String> distrust = List.of();

  @Option(
      names = "--temperature",
      defaultValue = "0.6",
      description = "Sampling temperature (default: ${DEFAULT-VALUE}).")
  double temperature;

  @Option(
      names = "--top-p",
      defaultValue = "0.95",
      description = "Nucleus sampling (default: ${DEFAULT-VALUE}).")
  double topP;

  @Option(
      names = "--seed",
      defaultValue = "-1",
      description = "Sampling seed; -1 for random (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--request-timeout",
      paramLabel = "SECONDS",
      defaultValue = "300",
      description = "Longest wait for one model or tool request (default: ${DEFAULT-VALUE}).")
  int requestSeconds;

  @Mixin AuditOptions audit = new AuditOptions();

  @Option(
      names = "--log-level",
      paramLabel = "LEVEL",
      defaultValue = "warn",
      description = "Log level on stderr (default: ${DEFAULT-VALUE}).")
  String logLevel;

  @Option(
      names = "--log-file",
      paramLabel = "FILE",
      description = "Write logs to this file instead of stderr.")
  Path logFile;

  BridgeConfig config(boolean keepThoughts, Map<String, String> env) {
    var file =
        mcpConfig == null
            ? new McpServersFile.Contents(
                List.of(
                    ServerConfig.sameProgram("devhost", Main.class, List.of("serve", "--stdio"))),
                Map.of())
            : McpServersFile.load(mcpConfig, env);
    var trusted =
        TrustList.of(
            file.alwaysAllow(),
            mcpConfig == null ? "--mcp-config" : mcpConfig.toString(),
            trust,
            distrust);
    var models =
        new ModelOptions(
            ollama,
            openai,
            model,
            apiKeyEnv,
            threads == null ? Runtime.getRuntime().availableProcessors() : threads,
            contextTokens,
            gpuLayers,
            Duration.ofSeconds(requestSeconds),
            env);
    var budgets =
        Budgets.builder()
            .maxSteps(maxSteps)
            .maxModelTokens(maxTokens)
            .maxTime(Duration.ofSeconds(maxSeconds))
            .thinkTokens(thinkTokens)
            .build();
    return new BridgeConfig(
        models,
        file.servers(),
        Path.of("").toAbsolutePath(),
        budgets,
        new Sampling(temperature, topP, seed),
        policy(),
        true,
        keepThoughts,
        Duration.ofSeconds(requestSeconds),
        trusted,
        RuleSet.load(monitorRules, Set.copyOf(monitorOff)));
  }

  /** The server's audit log, which records the bridge's calls too. */
  ToolCallListener audit() {
    return new BridgeAuditLog(audit.open("the model's answers"));
  }

  private ApprovalPolicy policy() {
    try {
      return ApprovalPolicy.valueOf(approve.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--approve must be never, ask or always, not '" + approve + "'");
    }
  }
}
