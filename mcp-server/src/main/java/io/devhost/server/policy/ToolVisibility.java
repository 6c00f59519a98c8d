package io.devhost.server.policy;

import io.devhost.core.Globs;
import io.devhost.server.mcp.ToolCatalog;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which tools exist for clients: the one inventory filter every toolset goes through, decided on
 * what each tool says about itself. Read-only mode first (it always wins); then the write switches:
 * a tool that is not read-only is listed only when its toolset's writes are on (files by default,
 * git and GitHub when asked, PostgreSQL when a database is read-write); then the allow list, then
 * the deny list ({@code --exclude-tools}). A tool that is not visible is neither listed nor
 * callable, because the {@link ToolCatalog} built from this is all the server knows.
 *
 * @param writableToolsets ids of the toolsets whose writing tools are listed
 */
public record ToolVisibility(
    boolean readOnly, Set<String> writableToolsets, List<String> allowGlobs, List<String> denyGlobs)
    implements Predicate<ToolCatalog.Entry> {

  public ToolVisibility {
    writableToolsets = Set.copyOf(writableToolsets);
    allowGlobs = List.copyOf(allowGlobs);
    denyGlobs = List.copyOf(denyGlobs);
  }

  /** The same visibility with the writing tools of one more toolset listed. */
  public ToolVisibility withWritable(String toolset) {
    var writable = new HashSet<>(writableToolsets);
    writable.add(toolset);
    return new ToolVisibility(readOnly, writable, allowGlobs, denyGlobs);
  }

  @Override
  public boolean test(ToolCatalog.Entry entry) {
    var spec = entry.spec();
    if (!spec.readOnly() && (readOnly || !writableToolsets.contains(entry.toolset()))) {
      return false;
    }
    if (!allowGlobs.isEmpty() && !Globs.anyOf(allowGlobs).test(spec.name())) {
      return false;
    }
    return !Globs.anyOf(denyGlobs).test(spec.name());
  }
}
