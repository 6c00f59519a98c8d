package io.devhost.github;

import io.devhost.core.ToolException;
import io.devhost.core.ToolSpec;
import io.devhost.core.UntrustedText;
import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** A file's text or a directory's entries, from a repository on GitHub. */
final class GetFileContents {

  static final int MAX_CONTENT_CHARS = 256 * 1024;

  private GetFileContents() {}

  record Input(
      @Schema(description = GitHubArgs.REPO, requiredMode = Schema.RequiredMode.REQUIRED)
          String repo,
      @Schema(description = "File or directory path; empty for the top.") String path,
      @Schema(description = "Branch, tag or sha; default: the default branch.") String ref) {
    Input {
      GitHubArgs.repo(repo);
      GitHubArgs.ref("ref", ref);
      path = path == null ? "" : GitHubArgs.pathSegments(path);
    }
  }

  record Entry(String name, String type, Long size) {}

  record Output(
      String path, String sha, Long size, String content, List<Entry> entries, Boolean truncated) {}

  static ToolSpec<Input, Output> spec(GitHub gh) {
    return ToolSpec.builder("get_file_contents", Input.class, Output.class)
        .title("GitHub: file contents")
        .description("Reads a text file, or lists a directory, in a GitHub repository at a ref.")
        .idempotent()
        .openWorld()
        .handler(
            (ctx, in) -> {
              String path = gh.repoPath(in.repo()) + "/contents/" + in.path();
              var n = gh.client().get(ctx, path, GitHubClient.query("ref", in.ref())).json();
              return n.isArray() ? directory(in.path(), n) : file(n);
            })
        .render(out -> out.content() != null ? out.content() : ResultTextOf.entries(out.entries()))
        .build();
  }

  private static Output directory(String path, tools.jackson.databind.JsonNode n) {
    var entries = new ArrayList<Entry>();
    n.forEach(
        e ->
            entries.add(
                new Entry(
                    UntrustedText.strip(e.path("name").asString()),
                    e.path("type").asString(null),
                    e.path("type").asString("").equals("file") ? e.path("size").asLong() : null)));
    return new Output(path, null, null, null, entries, null);
  }

  private static Output file(tools.jackson.databind.JsonNode n) {
    if (!"file".equals(n.path("type").asString(""))) {
      throw ToolException.invalid(
          n.path("path").asString() + " is a " + n.path("type").asString() + ", not a file.");
    }
    String encoded = n.path("content").asString("");
    if (encoded.isEmpty() && n.path("size").asLong() > 0) {
      throw new ToolException(
          ToolException.Kind.TOO_LARGE,
          "The file is over GitHub's 1 MB contents limit; use the local git tools.");
    }
    byte[] bytes = Base64.getMimeDecoder().decode(encoded);
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw ToolException.invalid(
          n.path("path").asString() + " is binary (" + bytes.length + " bytes); it is not shown.");
    }
    boolean cut = text.length() > MAX_CONTENT_CHARS;
    String content = UntrustedText.strip(cut ? text.substring(0, MAX_CONTENT_CHARS) : text);
    return new Output(
        n.path("path").asString(),
        n.path("sha").asString(null),
        n.path("size").asLong(),
        content,
        null,
        cut ? Boolean.TRUE : null);
  }
}
