package io.devhost.server.http;

import io.devhost.core.Json;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Passes a response through, keeping a copy of an error body (status 400 and up) to read. */
final class ErrorRecordingResponse extends HttpServletResponseWrapper {

  private StringWriter copy;

  ErrorRecordingResponse(HttpServletResponse response) {
    super(response);
  }

  @Override
  public PrintWriter getWriter() throws IOException {
    PrintWriter writer = super.getWriter();
    if (getStatus() < 400) {
      return writer;
    }
    copy = new StringWriter();
    return new PrintWriter(new Tee(writer, copy));
  }

  /** The JSON-RPC error object the response carried, if it was an error. */
  Optional<JsonNode> error() {
    if (copy == null) {
      return Optional.empty();
    }
    try {
      JsonNode error = Json.MAPPER.readTree(copy.toString()).path("error");
      return error.isObject() ? Optional.of(error) : Optional.empty();
    } catch (JacksonException e) {
      return Optional.empty();
    }
  }

  private static final class Tee extends Writer {
    private final Writer out;
    private final Writer copy;

    Tee(Writer out, Writer copy) {
      this.out = out;
      this.copy = copy;
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
      out.write(buf, off, len);
      copy.write(buf, off, len);
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
