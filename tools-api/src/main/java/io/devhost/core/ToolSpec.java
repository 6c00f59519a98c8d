package io.devhost.core;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One tool's contract next to its code: name, wording, hints, the input and output records whose
 * JSON Schemas are generated, the handler, and how its result reads as text.
 *
 * @param render a short text rendering of the output for clients that show only {@code content}
 * @param extraContent content blocks sent after the text, for what JSON cannot carry well (an image
 *     or audio clip as base64 with its MIME type); usually none
 */
public record ToolSpec<I, O>(
    String name,
    String title,
    String description,
    Class<I> inputType,
    Class<O> outputType,
    McpSchema.ToolAnnotations annotations,
    ToolHandler<I, O> handler,
    Function<O, String> render,
    Function<O, List<McpSchema.Content>> extraContent) {

  public ToolSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(inputType, "inputType");
    Objects.requireNonNull(outputType, "outputType");
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(render, "render");
    Objects.requireNonNull(extraContent, "extraContent");
  }

  public static <I, O> Builder<I, O> builder(String name, Class<I> inputType, Class<O> outputType) {
    return new Builder<>(name, inputType, outputType);
  }

  public boolean readOnly() {
    return Boolean.TRUE.equals(annotations.readOnlyHint());
  }

  public boolean destructive() {
    return !readOnly() && !Boolean.FALSE.equals(annotations.destructiveHint());
  }

  /**
   * Builds a {@link ToolSpec}; a tool is read-only, closed-world and non-destructive unless told.
   */
  public static final class Builder<I, O> {
    private final String name;
    private final Class<I> inputType;
    private final Class<O> outputType;
    private String title;
    private String description;
    private boolean readOnly = true;
    private boolean destructive;
    private boolean idempotent;
    private boolean openWorld;
    private ToolHandler<I, O> handler;
    private Function<O, String> render = ResultText::json;
    private Function<O, List<McpSchema.Content>> extraContent = out -> List.of();

    private Builder(String name, Class<I> inputType, Class<O> outputType) {
      this.name = name;
      this.inputType = inputType;
      this.outputType = outputType;
    }

    public Builder<I, O> title(String title) {
      this.title = title;
      return this;
    }

    public Builder<I, O> description(String description) {
      this.description = description;
      return this;
    }

    /** The tool changes state but never discards anything (e.g. create, append). */
    public Builder<I, O> writes() {
      this.readOnly = false;
      this.destructive = false;
      return this;
    }

    /** The tool may overwrite or delete; it goes through confirmation. */
    public Builder<I, O> destructive() {
      this.readOnly = false;
      this.destructive = true;
      return this;
    }

    public Builder<I, O> idempotent() {
      this.idempotent = true;
      return this;
    }

    /** The tool talks to something outside the machine (e.g. GitHub). */
    public Builder<I, O> openWorld() {
      this.openWorld = true;
      return this;
    }

    public Builder<I, O> handler(ToolHandler<I, O> handler) {
      this.handler = handler;
      return this;
    }

    public Builder<I, O> render(Function<O, String> render) {
      this.render = render;
      return this;
    }

    /** Adds content blocks (e.g. {@code ImageContent}) after the text rendering. */
    public Builder<I, O> extraContent(Function<O, List<McpSchema.Content>> extraContent) {
      this.extraContent = extraContent;
      return this;
    }

    public ToolSpec<I, O> build() {
      var annotations =
          new McpSchema.ToolAnnotations(
              title,
              readOnly,
              readOnly ? null : destructive,
              readOnly ? null : idempotent,
              openWorld,
              null);
      return new ToolSpec<>(
          name,
          title,
          description,
          inputType,
          outputType,
          annotations,
          handler,
          render,
          extraContent);
    }
  }
}
