package io.devhost.core;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One tool's contract next to its code: name, wording, hints, the input and output records whose
 * JSON Schemas are generated, the handler, and how its result reads as text.
 *
 * @param render a short text rendering of the output for clients that show only {@code content}
 * @param extraContent content blocks sent after the text, for what JSON cannot carry well (an image
 *     or audio clip as base64 with its MIME type); usually none
 * @param writeSwitch for a tool that writes, the toolset write switch that must be on for the tool
 *     to be listed (see ToolsetProvider#writeSwitchesOn); null for a read-only tool
 * @param dryRunArgument the boolean argument that, when true, makes the call change nothing (a
 *     preview), so the call needs no confirmation; null when the tool has none
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
    Function<O, List<McpSchema.Content>> extraContent,
    String writeSwitch,
    String dryRunArgument) {

  public ToolSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(inputType, "inputType");
    Objects.requireNonNull(outputType, "outputType");
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(render, "render");
    Objects.requireNonNull(extraContent, "extraContent");
    boolean readOnly = annotations != null && Boolean.TRUE.equals(annotations.readOnlyHint());
    if (readOnly != (writeSwitch == null)) {
      throw new IllegalArgumentException(
          name + ": a tool that writes names its write switch, and only such a tool does");
    }
    if (dryRunArgument != null && !hasBooleanComponent(inputType, dryRunArgument)) {
      throw new IllegalArgumentException(
          name + ": the dry-run argument " + dryRunArgument + " is not a boolean of the input");
    }
  }

  private static boolean hasBooleanComponent(Class<?> record, String name) {
    var components = record.getRecordComponents();
    return components != null
        && Arrays.stream(components)
            .anyMatch(
                c ->
                    c.getName().equals(name)
                        && (c.getType() == Boolean.class || c.getType() == boolean.class));
  }

  public static <I, O> Builder<I, O> builder(String name, Class<I> inputType, Class<O> outputType) {
    return new Builder<>(name, inputType, outputType);
  }

  public boolean readOnly() {
    return Boolean.TRUE.equals(annotations.readOnlyHint());
  }

  /** True when the tool may overwrite or delete (MCP's {@code destructiveHint}). */
  public boolean destructive() {
    return !readOnly() && !Boolean.FALSE.equals(annotations.destructiveHint());
  }

  /** True when the tool changes state; such a call is confirmed unless it is a dry run. */
  public boolean writes() {
    return !readOnly();
  }

  /** True when {@code arguments} ask for a dry run, which changes nothing. */
  public boolean isDryRun(Map<String, Object> arguments) {
    return dryRunArgument != null && Boolean.TRUE.equals(arguments.get(dryRunArgument));
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
    private String writeSwitch;
    private String dryRunArgument;
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

    /**
     * The tool changes state but never discards anything (e.g. create, append). It is listed only
     * while {@code writeSwitch} is on, and its calls are confirmed.
     */
    public Builder<I, O> writes(String writeSwitch) {
      this.readOnly = false;
      this.destructive = false;
      this.writeSwitch = Objects.requireNonNull(writeSwitch, "writeSwitch");
      return this;
    }

    /** The tool may overwrite or delete; otherwise as {@link #writes}. */
    public Builder<I, O> destructive(String writeSwitch) {
      writes(writeSwitch);
      this.destructive = true;
      return this;
    }

    /** The boolean argument that makes a call a preview that changes nothing. */
    public Builder<I, O> dryRunArgument(String argument) {
      this.dryRunArgument = argument;
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
          extraContent,
          writeSwitch,
          dryRunArgument);
    }
  }
}
