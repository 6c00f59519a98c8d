package io.devhost.bridge.planner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends one JSON line per tool call to a file: time, server, tool, arguments (secret-looking
 * values redacted), approval decision, duration, result size and error. Each line is written and
 * flushed whole, so a crash cannot leave half a record.
 */
public final class JsonlToolCallLog implements ToolCallListener, AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Writer out;

  public JsonlToolCallLog(Path file) {
    try {
      if (file.toAbsolutePath().getParent() != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
      }
      this.out =
          Files.newBufferedWriter(
              file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot open the audit log " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void onToolCall(ToolCallRecord r) {
    var line = new LinkedHashMap<String, Object>();
    line.put("time", r.time().toString());
    line.put("source", "bridge");
    line.put("server", r.server());
    line.put("tool", r.tool());
    line.put("arguments", SecretRedactor.redact(r.arguments()));
    line.put("decision", r.decision().name().toLowerCase(java.util.Locale.ROOT));
    line.put("durationMs", r.durationMillis());
    line.put("resultChars", r.resultChars());
    line.put("error", r.error());
    try {
      out.write(JSON.writeValueAsString(line) + "\n");
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the audit log", e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
