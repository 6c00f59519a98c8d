package io.devhost.server.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * docs/architecture.md's module graph is the POMs' DevHost dependencies, edge for edge, so the page
 * cannot drift from the build: a new dependency fails here until the page names it. The rules the
 * page states about the graph are checked too, so naming an edge is not enough to break them.
 */
class ModuleGraphTest {

  private static final Path ROOT = Path.of("..");
  private static final Path PAGE = ROOT.resolve("docs/architecture.md");
  private static final Pattern BLOCK = Pattern.compile("```module-graph\n(.*?)```", Pattern.DOTALL);
  private static final Pattern EDGE =
      Pattern.compile("([a-z][a-z-]*) -> ([a-z][a-z-]*)( \\(test\\))?");
  private static final Pattern TABLE_ROW = Pattern.compile("(?m)^\\| `([a-z][a-z-]*)` \\|");

  @Test
  void theDocumentedGraphIsTheDependenciesOfThePoms() throws Exception {
    assertThat(documentedEdges())
        .as(
            "docs/architecture.md's module-graph block must list every DevHost dependency of the"
                + " POMs, as 'a -> b' (test scope: 'a -> b (test)'), and nothing else")
        .containsExactlyInAnyOrderElementsOf(pomEdges());
  }

  @Test
  void theModuleTableNamesEveryModuleOfTheBuild() throws Exception {
    var documented = new TreeSet<String>();
    Matcher row = TABLE_ROW.matcher(section("## Modules"));
    while (row.find()) {
      documented.add(row.group(1));
    }
    assertThat(documented)
        .as("the module table of docs/architecture.md against the root POM's <modules>")
        .isEqualTo(new TreeSet<>(modules()));
  }

  @Test
  void theSpiDependsOnNoModuleAndToolsetsOnlyOnTheSpi() throws Exception {
    var compile = pomEdges().stream().filter(e -> !e.test()).toList();
    assertThat(compile)
        .as("tools-api is the SPI: it uses no other module")
        .noneMatch(e -> e.from().equals("tools-api"));
    assertThat(compile)
        .as("a toolset is a plugin: at run time it sees only the SPI, never another toolset")
        .filteredOn(e -> isToolset(e.from()))
        .allMatch(e -> e.to().equals("tools-api"));
    assertThat(compile)
        .as("the bridge reaches servers over MCP only: of DevHost it uses the SPI alone")
        .filteredOn(e -> e.from().equals("local-llm-bridge"))
        .allMatch(e -> e.to().equals("tools-api"));
    assertThat(compile)
        .as("nothing but tests depends on the application")
        .noneMatch(e -> e.to().equals("mcp-server"));
  }

  private static boolean isToolset(String module) {
    return module.startsWith("tools-")
        && !Set.of("tools-api", "tools-runtime", "tools-testkit").contains(module);
  }

  record Edge(String from, String to, boolean test) implements Comparable<Edge> {
    @Override
    public int compareTo(Edge o) {
      return toString().compareTo(o.toString());
    }

    @Override
    public String toString() {
      return from + " -> " + to + (test ? " (test)" : "");
    }
  }

  private static List<Edge> documentedEdges() throws Exception {
    Matcher block = BLOCK.matcher(Files.readString(PAGE));
    assertThat(block.find()).as("docs/architecture.md has a ```module-graph block").isTrue();
    var edges = new ArrayList<Edge>();
    for (String line : block.group(1).split("\n")) {
      String text = line.replaceFirst("#.*", "").strip();
      if (text.isEmpty()) {
        continue;
      }
      Matcher edge = EDGE.matcher(text);
      assertThat(edge.matches())
          .as("'%s' in the module-graph block is not 'a -> b' or 'a -> b (test)'", text)
          .isTrue();
      edges.add(new Edge(edge.group(1), edge.group(2), edge.group(3) != null));
    }
    return edges;
  }

  private static List<Edge> pomEdges() throws Exception {
    var edges = new ArrayList<Edge>();
    for (String module : modules()) {
      Element project = pom(ROOT.resolve(module).resolve("pom.xml"));
      for (Element dependencies : children(project, "dependencies")) {
        for (Element dependency : children(dependencies, "dependency")) {
          if (text(dependency, "groupId").equals("io.devhost")) {
            boolean test = text(dependency, "scope").equals("test");
            edges.add(new Edge(module, text(dependency, "artifactId"), test));
          }
        }
      }
    }
    return edges;
  }

  private static List<String> modules() throws Exception {
    Element project = pom(ROOT.resolve("pom.xml"));
    return children(children(project, "modules").get(0), "module").stream()
        .map(Element::getTextContent)
        .map(String::strip)
        .collect(Collectors.toList());
  }

  private static String section(String heading) throws Exception {
    String page = Files.readString(PAGE);
    int start = page.indexOf("\n" + heading + "\n");
    assertThat(start).as("docs/architecture.md has a section %s", heading).isNotNegative();
    int end = page.indexOf("\n## ", start + heading.length() + 1);
    return page.substring(start, end < 0 ? page.length() : end);
  }

  private static Element pom(Path file) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
  }

  /** The direct child elements of a given name: a POM's own dependencies, not its profiles'. */
  private static List<Element> children(Element parent, String name) {
    var found = new ArrayList<Element>();
    for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element e && e.getTagName().equals(name)) {
        found.add(e);
      }
    }
    return found;
  }

  private static String text(Element parent, String name) {
    var found = children(parent, name);
    return found.isEmpty() ? "" : found.get(0).getTextContent().strip();
  }
}
