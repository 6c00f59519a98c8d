package io.devhost.github;

import java.util.List;
import java.util.function.Function;

/** Plain-text renderings shared by the GitHub tools. */
final class ResultTextOf {

  private ResultTextOf() {}

  static String entries(List<GetFileContents.Entry> entries) {
    var sb = new StringBuilder();
    entries.forEach(
        e ->
            sb.append(e.type().equals("dir") ? "[DIR]  " : "[FILE] ")
                .append(e.name())
                .append('\n'));
    return sb.toString();
  }

  static <T> String lines(List<T> items, Function<T, String> line, Integer nextPage) {
    var sb = new StringBuilder();
    for (T item : items) {
      sb.append(line.apply(item)).append('\n');
    }
    if (items.isEmpty()) {
      sb.append("Nothing found.\n");
    }
    if (nextPage != null) {
      sb.append("… more: page=").append(nextPage).append('\n');
    }
    return sb.toString();
  }
}
