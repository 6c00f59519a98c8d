package io.devhost.server.modern;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which era a message belongs to, one rule per case. */
class EraTest {

  private static final Map<String, Object> MODERN_META =
      Map.of("_meta", Map.of("io.modelcontextprotocol/protocolVersion", "2026-07-28"));

  @Test
  void aVersionClaimInMetaIsModernWhateverTheHeader() {
    assertThat(Era.of("tools/list", MODERN_META, null)).isEqualTo(Era.MODERN);
    assertThat(Era.of("tools/list", MODERN_META, "2025-11-25")).isEqualTo(Era.MODERN);
    assertThat(Era.of("initialize", MODERN_META, null)).isEqualTo(Era.MODERN);
  }

  @Test
  void serverDiscoverIsModernEvenWithoutMeta() {
    assertThat(Era.of("server/discover", null, null)).isEqualTo(Era.MODERN);
  }

  @Test
  void aHeaderNamingANonHandshakeVersionIsModern() {
    assertThat(Era.of("tools/list", Map.of(), "2026-07-28")).isEqualTo(Era.MODERN);
    assertThat(Era.of("tools/list", Map.of(), "2099-01-01")).isEqualTo(Era.MODERN);
  }

  @Test
  void theHandshakeAndSessionTrafficAreLegacy() {
    var initialize = Map.<String, Object>of("protocolVersion", "2025-11-25");
    assertThat(Era.of("initialize", initialize, null)).isEqualTo(Era.LEGACY);
    assertThat(Era.of("tools/list", Map.of(), "2025-11-25")).isEqualTo(Era.LEGACY);
    assertThat(Era.of("tools/list", Map.of(), "2025-06-18")).isEqualTo(Era.LEGACY);
    assertThat(Era.of("notifications/initialized", null, null)).isEqualTo(Era.LEGACY);
    assertThat(Era.of(null, null, null)).isEqualTo(Era.LEGACY);
  }

  @Test
  void aBlankOrMalformedVersionClaimIsNoClaim() {
    var blank =
        Map.<String, Object>of("_meta", Map.of("io.modelcontextprotocol/protocolVersion", " "));
    var number =
        Map.<String, Object>of("_meta", Map.of("io.modelcontextprotocol/protocolVersion", 2026));
    assertThat(Era.of("tools/list", blank, null)).isEqualTo(Era.LEGACY);
    assertThat(Era.of("tools/list", number, null)).isEqualTo(Era.LEGACY);
  }
}
