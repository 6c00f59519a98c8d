package io.devhost.server.modern;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.core.ToolDefinitions;
import io.devhost.core.Toolset;
import io.devhost.server.config.ConfigFile;
import io.devhost.server.config.LayeredDefaults;
import io.devhost.server.config.ServerOptions;
import io.devhost.server.config.Toolsets;
import io.devhost.server.conformance.ConformanceFixtures;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The JSON round trip from the 2025-era schema records to the 2026-07-28 ones loses nothing: every
 * default tool's definition, every kind of content a result can carry, resources, templates and
 * prompts come out with the same JSON, plus the {@code resultType} the modern era adds.
 */
class ModernSchemaTest {

  @Command(name = "probe")
  static final class Probe {
    @Mixin ServerOptions options;
  }

  @Test
  void everyDefaultToolDefinitionSurvivesTheRoundTripExactly() throws Exception {
    var probe = new Probe();
    var cli = new CommandLine(probe);
    cli.setDefaultValueProvider(
        new LayeredDefaults(Map.of(), ConfigFile.locate(new String[0], Map.of())));
    cli.parseArgs();
    List<Toolset> toolsets = Toolsets.create(probe.options, Map.of());
    try {
      var tools = toolsets.stream().flatMap(t -> t.tools().stream()).toList();
      assertThat(tools).hasSizeGreaterThan(10);
      for (var spec : tools) {
        McpSchema.Tool legacy = ToolDefinitions.toMcpTool(spec);

        var modern =
            ModernSchema.toModern(legacy, io.modelcontextprotocol.modern.McpSchema.Tool.class);

        assertThat(ModernSchema.asMap(modern))
            .as(spec.name())
            .isEqualTo(ModernSchema.asMap(legacy));
      }
    } finally {
      toolsets.forEach(Toolset::close);
    }
  }

  @Test
  void everyKindOfToolResultSurvivesTheRoundTripWithAResultType() {
    var textResource = new McpSchema.TextResourceContents("test://t", "text/plain", "text");
    var blobResource = new McpSchema.BlobResourceContents("test://b", "image/png", "AAAA");
    var legacy =
        McpSchema.CallToolResult.builder()
            .content(
                List.of(
                    new McpSchema.TextContent("hello"),
                    new McpSchema.ImageContent(null, "AAAA", "image/png"),
                    new McpSchema.AudioContent(null, "AAAA", "audio/wav"),
                    new McpSchema.EmbeddedResource(null, textResource),
                    new McpSchema.EmbeddedResource(null, blobResource),
                    new McpSchema.ResourceLink(
                        "name", "title", "file:///x", "about x", "text/plain", 3L, null, null)))
            .structuredContent(Map.of("count", 2, "items", List.of("a", "b")))
            .isError(false)
            .meta(Map.of("io.devhost/quota", 41))
            .build();

    var modern =
        ModernSchema.toModern(
            legacy, io.modelcontextprotocol.modern.McpSchema.CallToolResult.class);

    assertThat(modern.resultType()).isEqualTo("complete");
    assertThat(ModernSchema.asMap(modern)).isEqualTo(withResultType(ModernSchema.asMap(legacy)));
  }

  @Test
  void resourcesTemplatesAndPromptsSurviveTheRoundTripExactly() {
    var fixtures = ConformanceFixtures.toolset();
    var pairs = new ArrayList<Object[]>();
    fixtures
        .resources()
        .forEach(
            r ->
                pairs.add(
                    new Object[] {
                      r.resource(), io.modelcontextprotocol.modern.McpSchema.Resource.class
                    }));
    fixtures
        .resourceTemplates()
        .forEach(
            t ->
                pairs.add(
                    new Object[] {
                      t.template(), io.modelcontextprotocol.modern.McpSchema.ResourceTemplate.class
                    }));
    fixtures
        .prompts()
        .forEach(
            p ->
                pairs.add(
                    new Object[] {
                      p.prompt(), io.modelcontextprotocol.modern.McpSchema.Prompt.class
                    }));
    assertThat(pairs).hasSizeGreaterThan(5);

    for (Object[] pair : pairs) {
      Object modern = ModernSchema.toModern(pair[0], (Class<?>) pair[1]);

      assertThat(ModernSchema.asMap(modern)).isEqualTo(ModernSchema.asMap(pair[0]));
    }
    for (var prompt : fixtures.prompts()) {
      var arguments = new HashMap<String, Object>();
      if (prompt.prompt().arguments() != null) {
        prompt.prompt().arguments().forEach(a -> arguments.put(a.name(), "x"));
      }
      var rendered = prompt.renderer().apply(arguments);

      var modern =
          ModernSchema.toModern(
              rendered, io.modelcontextprotocol.modern.McpSchema.GetPromptResult.class);

      assertThat(ModernSchema.asMap(modern))
          .isEqualTo(withResultType(ModernSchema.asMap(rendered)));
    }
  }

  private static Map<String, Object> withResultType(Map<String, Object> legacy) {
    var expected = new HashMap<>(legacy);
    expected.put("resultType", "complete");
    return expected;
  }
}
