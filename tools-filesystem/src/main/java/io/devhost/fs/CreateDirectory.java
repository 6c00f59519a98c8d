package io.devhost.fs;

import io.devhost.core.ToolContext;
import io.devhost.core.ToolException;
import io.devhost.core.ToolSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;

/** Creates a directory and any missing parents; succeeds if it already exists. */
final class CreateDirectory {

  private CreateDirectory() {}

  record Input(
      @Schema(description = "Directory to create.", requiredMode = Schema.RequiredMode.REQUIRED)
          String path) {}

  record Output(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String path,
      @Schema(
              description = "False when it already existed.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          boolean created) {}

  static ToolSpec<Input, Output> spec(Sandbox sandbox) {
    return ToolSpec.builder("create_directory", Input.class, Output.class)
        .title("Create a directory")
        .description(
            "Creates a directory, with any missing parents. Succeeds without change if it"
                + " already exists.")
        .writes(FilesystemToolset.WRITE_SWITCH)
        .idempotent()
        .handler((ctx, in) -> create(sandbox, ctx, in))
        .render(out -> (out.created() ? "Created " : "Already exists: ") + out.path())
        .build();
  }

  private static Output create(Sandbox sandbox, ToolContext ctx, Input in) {
    var t = sandbox.forWrite(in.path(), ctx, true);
    try (VerifiedDir parent = sandbox.openParent(t, true)) {
      var attrs = parent.attributes(t.name());
      if (attrs != null) {
        if (!attrs.isDirectory()) {
          throw new ToolException(
              ToolException.Kind.CONFLICT, in.path() + " exists and is not a directory.");
        }
        return new Output(t.real().toString(), false);
      }
      parent.createChild(t.name()).close();
      return new Output(t.real().toString(), true);
    } catch (IOException e) {
      throw Sandbox.ioFailure(in.path(), e);
    }
  }
}
