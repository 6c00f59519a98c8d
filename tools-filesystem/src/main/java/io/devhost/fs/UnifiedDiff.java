package io.devhost.fs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/** A unified diff of two versions of a file, with JGit's histogram diff (as {@code git diff}). */
final class UnifiedDiff {

  private UnifiedDiff() {}

  static String of(String path, String before, String after) {
    var a = new RawText(before.getBytes(StandardCharsets.UTF_8));
    var b = new RawText(after.getBytes(StandardCharsets.UTF_8));
    var edits = new HistogramDiff().diff(RawTextComparator.DEFAULT, a, b);
    var out = new ByteArrayOutputStream();
    try (var formatter = new DiffFormatter(out)) {
      formatter.setContext(3);
      formatter.format(edits, a, b);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // writing to memory does not fail
    }
    return "--- a/" + path + "\n+++ b/" + path + "\n" + out.toString(StandardCharsets.UTF_8);
  }
}
