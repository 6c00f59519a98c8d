package io.devhost.server.testing;

import io.devhost.core.ToolException;
import io.devhost.core.ToolSpec;
import io.devhost.core.Toolset;
import java.util.List;

/**
 * A toolset with one tool of each kind the policy layer treats differently: a cheap read, a slow
 * read that honours cancellation, a write and a destructive tool that take a secret argument (for
 * redaction checks).
 */
public final class TestTools implements Toolset {

  public record EchoInput(String text) {}

  public record EchoOutput(String text) {}

  public record SlowInput(long millis) {}

  public record SlowOutput(long slept) {}

  public record DeleteInput(String name, String password, String comment) {}

  public record DeleteOutput(String deleted) {}

  public record NoteInput(String text) {}

  public record NoteOutput(int length) {}

  @Override
  public String id() {
    return "test";
  }

  @Override
  public String instructions() {
    return "Test tools.";
  }

  @Override
  public List<ToolSpec<?, ?>> tools() {
    return List.of(
        ToolSpec.builder("echo", EchoInput.class, EchoOutput.class)
            .title("Echo")
            .description("Returns its text.")
            .handler((ctx, in) -> new EchoOutput(in.text()))
            .render(EchoOutput::text)
            .build(),
        ToolSpec.builder("slow_read", SlowInput.class, SlowOutput.class)
            .title("Slow read")
            .description("Sleeps in 10 ms steps until done or cancelled.")
            .handler(
                (ctx, in) -> {
                  long slept = 0;
                  while (slept < in.millis()) {
                    ctx.throwIfCancelled();
                    Thread.sleep(10);
                    slept += 10;
                  }
                  return new SlowOutput(slept);
                })
            .build(),
        ToolSpec.builder("write_note", NoteInput.class, NoteOutput.class)
            .title("Write note")
            .description("Pretends to append a note.")
            .writes("test-write")
            .handler((ctx, in) -> new NoteOutput(in.text().length()))
            .build(),
        ToolSpec.builder("delete_thing", DeleteInput.class, DeleteOutput.class)
            .title("Delete thing")
            .description("Pretends to delete a thing; needs a password.")
            .destructive("test-write")
            .handler(
                (ctx, in) -> {
                  if (in.name() == null) {
                    throw ToolException.invalid("name is required");
                  }
                  return new DeleteOutput(in.name());
                })
            .build());
  }
}
