package io.devhost.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devhost.server.http.HttpSettings;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OAuthSettingsTest {

  private static final URI ISSUER = URI.create("https://sso.example.com/realms/dev");

  @Test
  void scopesDefaultToDevhostReadAndWriteAndCanBeRenamedOneAtATime() {
    assertThat(ScopeMap.parse(List.of())).isEqualTo(ScopeMap.DEFAULT);
    assertThat(ScopeMap.parse(List.of("write=mcp.write")))
        .isEqualTo(new ScopeMap("devhost:read", "mcp.write"));
    var map = ScopeMap.parse(List.of("read=api://devhost/read", "write=api://devhost/write"));
    assertThat(map.grantsRead(Set.of("api://devhost/read"))).isTrue();
    assertThat(map.grantsWrite(Set.of("api://devhost/read"))).isFalse();
  }

  @Test
  void badScopeMapsAreRefusedNamingTheEntry() {
    assertThatThrownBy(() -> ScopeMap.parse(List.of("admin=devhost:admin")))
        .hasMessageContaining("unknown permission 'admin'");
    assertThatThrownBy(() -> ScopeMap.parse(List.of("read=has space")))
        .hasMessageContaining("'has space' is not a valid OAuth scope name");
    assertThatThrownBy(() -> ScopeMap.parse(List.of("read=same", "write=same")))
        .hasMessageContaining("the same scope same");
  }

  @Test
  void issuerAndAudienceMustBeHttpUrls() {
    assertThatThrownBy(
            () -> new OAuthSettings(URI.create("sso.example.com"), null, null, ScopeMap.DEFAULT))
        .hasMessageContaining("--oauth-issuer must be an absolute http(s) URL");
    assertThatThrownBy(() -> new OAuthSettings(ISSUER, null, "devhost/mcp", ScopeMap.DEFAULT))
        .hasMessageContaining("--oauth-audience");
  }

  @Test
  void aPublicBindWithOAuthNeedsTheAudienceButNoStaticToken() {
    var withoutAudience = new OAuthSettings(ISSUER, null, null, ScopeMap.DEFAULT);
    assertThatThrownBy(
            () ->
                HttpSettings.of(
                    "0.0.0.0", 0, null, List.of(), List.of(), 1024, 1, 1, withoutAudience))
        .hasMessageContaining("--oauth-audience is required");

    var withAudience =
        new OAuthSettings(ISSUER, null, "https://devhost.example.com/mcp", ScopeMap.DEFAULT);
    var settings =
        HttpSettings.of("0.0.0.0", 0, null, List.of(), List.of(), 1024, 1, 1, withAudience);
    assertThat(settings.token()).isNull();
    assertThat(settings.oauth()).isEqualTo(withAudience);
  }

  @Test
  void metadataIsLookedUpTheRfc8414WayThenTheOpenIdWay() {
    assertThat(IssuerKeys.metadataUrls(ISSUER))
        .containsExactly(
            URI.create("https://sso.example.com/.well-known/oauth-authorization-server/realms/dev"),
            URI.create("https://sso.example.com/realms/dev/.well-known/openid-configuration"));
    assertThat(IssuerKeys.metadataUrls(URI.create("https://idp.example.com")))
        .containsExactly(
            URI.create("https://idp.example.com/.well-known/oauth-authorization-server"),
            URI.create("https://idp.example.com/.well-known/openid-configuration"));
  }
}
