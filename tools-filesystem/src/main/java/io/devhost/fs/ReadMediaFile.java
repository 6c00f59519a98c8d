package io.devhost.fs;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.devhost.core.ToolContext;
import io.devhost.core.ToolException;
import io.devhost.core.ToolSpec;
import io.modelcontextprotocol.spec.McpSchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Returns an image or audio file as MCP image or audio content, with its MIME type. */
final class ReadMediaFile {

  static final long MAX_MEDIA_BYTES = 5L * 1024 * 1024;

  static final Map<String, String> MIME_TYPES =
      Map.ofEntries(
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("gif", "image/gif"),
          Map.entry("webp", "image/webp"),
          Map.entry("bmp", "image/bmp"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("ico", "image/x-icon"),
          Map.entry("mp3", "audio/mpeg"),
          Map.entry("wav", "audio/wav"),
          Map.entry("ogg", "audio/ogg"),
          Map.entry("oga", "audio/ogg"),
          Map.entry("flac", "audio/flac"),
          Map.entry("m4a", "audio/mp4"),
          Map.entry("aac", "audio/aac"));

  private ReadMediaFile() {}

  record Input(
      @Schema(
              description = "Image or audio file to read.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String path) {}

  record Output(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String path,
      @Schema(
              description = "MIME type, from the file name.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String mimeType,
      @Schema(description = "Size in bytes.", requiredMode = Schema.RequiredMode.REQUIRED)
          long size,
      @JsonIgnore @Schema(hidden = true) String base64) {}

  static ToolSpec<Input, Output> spec(Sandbox sandbox) {
    return ToolSpec.builder("read_media_file", Input.class, Output.class)
        .title("Read an image or audio file")
        .description(
            "Returns an image (png, jpeg, gif, webp, bmp, svg, ico) or audio file (mp3, wav, ogg,"
                + " flac, m4a, aac) as MCP image or audio content with its MIME type. At most "
                + MAX_MEDIA_BYTES / (1024 * 1024)
                + " MiB.")
        .idempotent()
        .handler((ctx, in) -> read(sandbox, ctx, in))
        .render(out -> out.path() + " (" + out.mimeType() + ", " + out.size() + " bytes)")
        .extraContent(ReadMediaFile::content)
        .build();
  }

  private static Output read(Sandbox sandbox, ToolContext ctx, Input in) {
    var t = sandbox.existing(in.path(), ctx, Sandbox.Access.READ);
    String mime = mimeType(t.real().getFileName() == null ? "" : t.real().getFileName().toString());
    if (mime == null) {
      throw ToolException.invalid(
          in.path()
              + " is not a known image or audio type (by its extension: "
              + MIME_TYPES.keySet()
              + "). Use read_text_file for text.");
    }
    try (VerifiedDir dir = sandbox.openParent(t, false)) {
      byte[] bytes =
          dir.readAll(t.name(), in.path(), Math.min(MAX_MEDIA_BYTES, sandbox.maxReadBytes()));
      return new Output(
          t.real().toString(), mime, bytes.length, Base64.getEncoder().encodeToString(bytes));
    } catch (IOException e) {
      throw Sandbox.ioFailure(in.path(), e);
    }
  }

  static String mimeType(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? null : MIME_TYPES.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  private static List<McpSchema.Content> content(Output out) {
    return List.of(
        out.mimeType().startsWith("audio/")
            ? new McpSchema.AudioContent(null, out.base64(), out.mimeType())
            : new McpSchema.ImageContent(null, out.base64(), out.mimeType()));
  }
}
