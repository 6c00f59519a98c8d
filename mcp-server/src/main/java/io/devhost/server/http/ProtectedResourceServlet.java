package io.devhost.server.http;

import io.devhost.core.Json;
import io.devhost.server.auth.OAuthSettings;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * RFC 9728 Protected Resource Metadata: tells an MCP client which authorization server issues
 * tokens for this resource and which scopes exist. Served at the well-known root and at the
 * path-suffixed URL of the resource ({@code /.well-known/oauth-protected-resource/mcp}), which is
 * the one the 401 challenges name.
 */
final class ProtectedResourceServlet extends HttpServlet {

  static final String PATH = "/.well-known/oauth-protected-resource";

  private final byte[] document;

  ProtectedResourceServlet(OAuthSettings oauth, String resource) {
    var doc = new LinkedHashMap<String, Object>();
    doc.put("resource", resource);
    doc.put("authorization_servers", List.of(oauth.issuer().toString()));
    doc.put("scopes_supported", oauth.scopes().all());
    doc.put("bearer_methods_supported", List.of("header"));
    doc.put("resource_name", "DevHost");
    this.document = Json.MAPPER.writeValueAsBytes(doc);
  }

  /** The metadata URL of {@code resource}: the well-known segment between origin and path. */
  static String metadataUrl(String resource) {
    URI uri = URI.create(resource);
    String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("/$", "");
    return uri.resolve(PATH + path).toString();
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    res.setStatus(200);
    res.setContentType("application/json");
    res.setHeader("Cache-Control", "max-age=300");
    res.getOutputStream().write(document);
  }
}
