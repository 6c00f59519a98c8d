package io.devhost.server.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Error pages for every error Jetty or the SDK's servlets produce: the status and its standard
 * reason, as JSON, and nothing else. Messages and exceptions are dropped on purpose: they can hold
 * internal class names, paths or input echoed back.
 */
final class QuietErrorHandler extends ErrorHandler {

  QuietErrorHandler() {
    setShowStacks(false);
    setShowMessageInTitle(false);
  }

  @Override
  protected boolean generateAcceptableResponse(
      Request request,
      Response response,
      Callback callback,
      String contentType,
      List<Charset> charsets,
      int code,
      String message,
      Throwable cause)
      throws IOException {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    String body = ErrorBodies.json(HttpStatus.getMessage(code));
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    return true;
  }
}
