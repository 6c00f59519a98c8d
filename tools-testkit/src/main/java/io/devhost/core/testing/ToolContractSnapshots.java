package io.devhost.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.core.Json;
import io.devhost.core.ToolDefinitions;
import io.devhost.core.ToolSpec;
import io.devhost.core.Toolset;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compares every tool's contract (name, title, description, annotations, input and output schema)
 * with its stored JSON file under {@code src/main/resources/META-INF/devhost/tool-contracts/}. A
 * change to a contract then shows in review as a diff of that file, and the server, which serves
 * the stored file instead of generating schemas at start-up, cannot drift from the code.
 *
 * <p>To accept a deliberate change, run the tests with {@code -Ddevhost.updateSnapshots=true} (or
 * {@code DEVHOST_UPDATE_SNAPSHOTS=true}); the files are rewritten instead of compared.
 */
public final class ToolContractSnapshots {

  private ToolContractSnapshots() {}

  /**
   * Checks the contracts of every tool of a module; pass all the module's toolsets with every
   * optional tool switched on, since the folder is the module's and stale files are reported.
   */
  public static void assertMatch(Toolset... toolsets) throws IOException {
    assertMatchIn(Path.of("src/main/resources/" + ToolDefinitions.CONTRACTS), toolsets);
  }

  /**
   * Checks the contracts of every tool of these toolsets against the files in {@code dir}: for
   * tools that exist only in tests, whose contracts live under {@code src/test/resources}.
   */
  public static void assertMatchIn(Path dir, Toolset... toolsets) throws IOException {
    List<ToolSpec<?, ?>> tools = new ArrayList<>();
    for (Toolset toolset : toolsets) {
      tools.addAll(toolset.tools());
    }
    assertMatch(tools, dir);
  }

  static void assertMatch(List<ToolSpec<?, ?>> tools, Path dir) throws IOException {
    boolean update =
        Boolean.getBoolean("devhost.updateSnapshots")
            || "true".equalsIgnoreCase(System.getenv("DEVHOST_UPDATE_SNAPSHOTS"));
    Files.createDirectories(dir);
    var validator = new DefaultJsonSchemaValidator();
    for (ToolSpec<?, ?> tool : tools) {
      var definition = ContractGenerator.generate(tool);
      for (var schema : List.of(definition.inputSchema(), definition.outputSchema())) {
        var check = validator.validateSchema(schema);
        assertThat(check.valid())
            .as("schema of %s: %s", tool.name(), check.errorMessage())
            .isTrue();
      }
      String actual = render(tool);
      Path file = dir.resolve(tool.name() + ".json");
      if (update) {
        Files.writeString(file, actual);
        continue;
      }
      assertThat(file)
          .as("no contract snapshot for %s; run with -Ddevhost.updateSnapshots=true", tool.name())
          .exists();
      assertThat(Files.readString(file))
          .as(
              "the contract of %s changed; if on purpose, run with -Ddevhost.updateSnapshots=true"
                  + " and commit %s",
              tool.name(), file)
          .isEqualTo(actual);
    }
    var names = tools.stream().map(t -> t.name() + ".json").collect(Collectors.toSet());
    try (Stream<Path> files = Files.list(dir)) {
      var stale =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".json") && !names.contains(n))
              .collect(Collectors.toCollection(TreeSet::new));
      if (update) {
        for (String name : stale) {
          Files.delete(dir.resolve(name));
        }
      } else {
        assertThat(stale).as("snapshots of tools that no longer exist").isEmpty();
      }
    }
  }

  static String render(ToolSpec<?, ?> tool) {
    return Json.MAPPER
            .writerWithDefaultPrettyPrinter()
            .writeValueAsString(ContractGenerator.generate(tool))
        + "\n";
  }
}
