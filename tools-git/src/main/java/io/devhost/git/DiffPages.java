package io.devhost.git;

import io.devhost.core.Cursor;
import io.devhost.core.ToolContext;
import io.devhost.core.UntrustedText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.errors.CanceledException;
import org.eclipse.jgit.diff.ContentSource;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * Formats a diff as a unified patch, one page at a time. A page holds whole files until {@link
 * #MAX_PATCH_CHARS}; a single file bigger than that is cut at a line and continued on the next
 * page. The cursor says which file and line to resume at, plus whatever the caller needs to
 * recreate the same two sides (pinned commit ids).
 *
 * <p>A file hidden by the deny rules is listed as changed, but its patch is replaced by a note: a
 * secret committed once must not come back through a diff of that commit.
 */
final class DiffPages {

  static final int MAX_PATCH_CHARS = 60_000;
  private static final int BINARY_THRESHOLD_BYTES = 8 * 1024 * 1024;

  /** One page: the files it covers, their patch text, and where to go on. */
  record Page(List<FileChange> files, String patch, int totalFiles, String nextCursor) {}

  private DiffPages() {}

  static Page page(
      Repository repo,
      DeniedPaths denied,
      AbstractTreeIterator a,
      AbstractTreeIterator b,
      String path,
      int contextLines,
      String cursor,
      Map<String, Object> pinned,
      ToolContext ctx)
      throws IOException, CanceledException {
    Map<String, Object> state = cursor == null ? Map.of() : Cursor.decode(cursor);
    int file = ((Number) state.getOrDefault("file", 0)).intValue();
    int line = ((Number) state.getOrDefault("line", 0)).intValue();
    var buffer = new ByteArrayOutputStream();
    try (var fmt = new DiffFormatter(buffer)) {
      fmt.setRepository(repo);
      fmt.setContext(contextLines);
      // Against the working tree, renames are found after untracked files are dropped.
      fmt.setDetectRenames(!(b instanceof WorkingTreeIterator));
      fmt.setBinaryFileThreshold(BINARY_THRESHOLD_BYTES);
      if (path != null && !path.isEmpty()) {
        fmt.setPathFilter(PathFilter.create(path));
      }
      List<DiffEntry> entries = fmt.scan(a, b);
      if (b instanceof WorkingTreeIterator) {
        entries = trackedOnly(repo, entries);
      }
      var files = new ArrayList<FileChange>();
      var patch = new StringBuilder();
      for (int i = file; i < entries.size(); i++) {
        ctx.throwIfCancelled();
        DiffEntry entry = entries.get(i);
        Optional<String> withheld = withheldNote(denied, entry, b instanceof WorkingTreeIterator);
        String text;
        if (withheld.isPresent()) {
          text = withheldPatch(entry, withheld.get());
        } else {
          buffer.reset();
          fmt.format(entry);
          fmt.flush();
          text = UntrustedText.strip(buffer.toString(StandardCharsets.UTF_8));
        }
        String[] lines = text.split("\n", -1);
        int start = i == file ? line : 0;
        if (start == 0) {
          files.add(
              withheld.isPresent()
                  ? FileChange.withheld(entry, withheld.get())
                  : change(entry, lines));
        }
        for (int l = start; l < lines.length; l++) {
          if (l == lines.length - 1 && lines[l].isEmpty()) {
            break;
          }
          if (patch.length() + lines[l].length() + 1 > MAX_PATCH_CHARS && patch.length() > 0) {
            return new Page(files, patch.toString(), entries.size(), next(pinned, i, l));
          }
          patch.append(lines[l]).append('\n');
        }
        ctx.progress(i + 1, (double) entries.size(), null);
      }
      return new Page(files, patch.toString(), entries.size(), null);
    }
  }

  /** The rule that hides either side of a change; a rename out of a denied name counts too. */
  static Optional<String> ruleFor(DeniedPaths denied, DiffEntry e) {
    Optional<String> rule =
        e.getChangeType() == DiffEntry.ChangeType.DELETE
            ? Optional.empty()
            : denied.ruleFor(e.getNewPath());
    if (rule.isEmpty() && e.getChangeType() != DiffEntry.ChangeType.ADD) {
      rule = denied.ruleFor(e.getOldPath());
    }
    return rule;
  }

  /**
   * Why a change's content is withheld: a deny rule on either side, or, when the new side is read
   * from the working tree, a file there with other hard links (JGit reads it by path).
   */
  private static Optional<String> withheldNote(
      DeniedPaths denied, DiffEntry e, boolean newSideIsWorkTree) {
    Optional<String> note = ruleFor(denied, e).map(DeniedPaths::withheldNote);
    if (note.isEmpty() && newSideIsWorkTree && e.getChangeType() != DiffEntry.ChangeType.DELETE) {
      note =
          denied
              .hardLinkRefusal(e.getNewPath())
              .map(reason -> "content withheld: the file " + reason);
    }
    return note;
  }

  /** The git header of a withheld file and the note in place of its hunks. */
  private static String withheldPatch(DiffEntry e, String note) {
    String a = e.getChangeType() == DiffEntry.ChangeType.ADD ? e.getNewPath() : e.getOldPath();
    String b = e.getChangeType() == DiffEntry.ChangeType.DELETE ? e.getOldPath() : e.getNewPath();
    return UntrustedText.strip("diff --git a/" + a + " b/" + b) + "\n(" + note + ")\n";
  }

  /**
   * Like {@code git diff}: a file in the working tree that the index does not track is not part of
   * the diff (ignored files are already left out by the scan).
   */
  private static List<DiffEntry> trackedOnly(Repository repo, List<DiffEntry> entries)
      throws IOException, CanceledException {
    DirCache index = repo.readDirCache();
    var tracked = new ArrayList<DiffEntry>();
    for (DiffEntry e : entries) {
      if (e.getChangeType() != DiffEntry.ChangeType.ADD || index.findEntry(e.getNewPath()) >= 0) {
        tracked.add(e);
      }
    }
    var renames = new RenameDetector(repo);
    renames.addAll(tracked);
    try (var reader = repo.newObjectReader()) {
      var sources =
          new ContentSource.Pair(
              ContentSource.create(reader), ContentSource.create(new FileTreeIterator(repo)));
      return renames.compute(sources, NullProgressMonitor.INSTANCE);
    }
  }

  private static String next(Map<String, Object> pinned, int file, int line) {
    var state = new LinkedHashMap<String, Object>(pinned);
    state.put("file", file);
    state.put("line", line);
    return Cursor.encode(state);
  }

  private static FileChange change(DiffEntry e, String[] patchLines) {
    int added = 0;
    int deleted = 0;
    boolean inHunk = false;
    boolean binary = false;
    for (String l : patchLines) {
      if (l.startsWith("@@")) {
        inHunk = true;
      } else if (!inHunk && l.startsWith("Binary files")) {
        binary = true;
      } else if (inHunk && l.startsWith("+")) {
        added++;
      } else if (inHunk && l.startsWith("-")) {
        deleted++;
      }
    }
    return FileChange.of(e, added, deleted, binary);
  }
}
