package io.devhost.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonSizeTest {

  @Test
  void countsWhatTheMapperWrites() {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("path", "/src/a \"quoted\" \\ back\tslash\nline\u0001");
    tree.put("content", "héllo wörld – 日本語 😀");
    tree.put("count", 42);
    tree.put("big", 12345678901234L);
    tree.put("ratio", 0.25);
    tree.put("truncated", false);
    tree.put("missing", null);
    tree.put("empty", List.of());
    tree.put("nested", List.of(Map.of("k", List.of(1, 2, 3)), Map.of()));
    var rows = new ArrayList<Object>();
    for (int i = 0; i < 100; i++) {
      rows.add(List.of(i, "row " + i, i % 2 == 0));
    }
    tree.put("rows", rows);

    assertThat(JsonSize.of(tree)).isEqualTo(Json.MAPPER.writeValueAsBytes(tree).length);
  }
}
