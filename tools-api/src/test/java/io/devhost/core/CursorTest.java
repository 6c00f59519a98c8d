package io.devhost.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CursorTest {

  @Test
  void roundTripsItsState() {
    String cursor = Cursor.encode(Map.of("offset", 500, "path", "src/a b.txt"));
    assertThat(cursor).matches("[A-Za-z0-9_-]+");
    assertThat(Cursor.decode(cursor))
        .containsEntry("offset", 500)
        .containsEntry("path", "src/a b.txt");
  }

  @Test
  void aGarbledCursorIsAClearInvalidArgument() {
    assertThatThrownBy(() -> Cursor.decode("not-a-cursor!"))
        .isInstanceOfSatisfying(
            ToolException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ToolException.Kind.INVALID_ARGUMENT);
              assertThat(e.getMessage()).contains("nextCursor");
            });
  }
}
