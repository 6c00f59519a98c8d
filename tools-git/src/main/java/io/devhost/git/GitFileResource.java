package io.devhost.git;

import io.devhost.core.ResourceTemplateSpec;
import io.devhost.core.ToolContext;
import io.devhost.core.ToolException;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * File content at a revision as a resource: {@code git://{repo}/{ref}/{+path}}. {@code repo} is the
 * repository's path relative to the first allowed root ({@code .} for the root itself) and {@code
 * ref} a revision; both are percent-encoded, so {@code feature%2Fx} names the branch {@code
 * feature/x}.
 */
final class GitFileResource {

  static final String TEMPLATE = "git://{repo}/{ref}/{+path}";
  private static final String SCHEME = "git://";

  private GitFileResource() {}

  /** The parts of a resource URI, decoded and validated like tool arguments. */
  record Address(String repo, String ref, String path) {}

  static ResourceTemplateSpec spec(GitRepositories repos) {
    var template =
        McpSchema.ResourceTemplate.builder(TEMPLATE, "git-file")
            .title("File at a git revision")
            .description(
                "A file's text at a revision. repo: path relative to the first allowed root"
                    + " ('.' for the root); ref: percent-encoded revision, e.g. main or"
                    + " feature%2Fx.")
            .mimeType("text/plain")
            .build();
    return new ResourceTemplateSpec(template, uri -> read(repos, uri));
  }

  private static McpSchema.ReadResourceResult read(GitRepositories repos, String uri) {
    Address a = parse(uri);
    try {
      var out =
          repos.with(
              ToolContext.DETACHED,
              a.repo(),
              repo ->
                  GitReadFile.read(
                      repo,
                      repos.deniedPaths(repo, ToolContext.DETACHED),
                      a.path(),
                      a.ref(),
                      null,
                      null));
      var contents = new McpSchema.TextResourceContents(uri, "text/plain", out.content());
      return new McpSchema.ReadResourceResult(List.of(contents));
    } catch (ToolException e) {
      throw e;
    } catch (Exception e) {
      throw new ToolException(ToolException.Kind.INTERNAL, "Cannot read " + uri + ".", e);
    }
  }

  static Address parse(String uri) {
    if (uri == null || !uri.startsWith(SCHEME)) {
      throw ToolException.invalid(
          "Not a git resource URI: " + uri + ". Expected " + TEMPLATE + ".");
    }
    String rest = uri.substring(SCHEME.length());
    int first = rest.indexOf('/');
    int second = first < 0 ? -1 : rest.indexOf('/', first + 1);
    if (first <= 0 || second <= first + 1 || second == rest.length() - 1) {
      throw ToolException.invalid(
          "Not a git resource URI: " + uri + ". Expected " + TEMPLATE + ".");
    }
    try {
      String repo = decode(rest.substring(0, first));
      String ref = GitArgs.ref("ref", decode(rest.substring(first + 1, second)));
      String path = GitArgs.path("path", decode(rest.substring(second + 1)));
      return new Address(repo, ref, path);
    } catch (IllegalArgumentException e) {
      throw ToolException.invalid(e.getMessage());
    }
  }

  private static String decode(String part) {
    return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
