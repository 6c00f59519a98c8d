package io.devhost.fs;

import io.devhost.core.ToolsetContext;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/**
 * How the file sandbox guards paths, beyond the roots the server gives. The fs provider builds one
 * sandbox from these and offers it to the other toolsets that open files (git).
 */
public final class SandboxOptions {

  @Option(
      names = "--deny",
      split = ",",
      paramLabel = "GLOB",
      description =
          "Paths hidden from the filesystem and git tools, added to the defaults (.env*, *.pem,"
              + " *.key, id_rsa*, ...); !GLOB lifts a default, e.g. !.env.example.")
  List<String> deny = new ArrayList<>();

  @Option(
      names = "--max-write-bytes",
      paramLabel = "N",
      defaultValue = "10485760",
      description = "Largest file a filesystem tool writes, in bytes (default: ${DEFAULT-VALUE}).")
  long maxWriteBytes;

  /** How the file and git tools open files; the values of {@code --fs-sandbox}. */
  public enum FsSandbox {
    secure(Sandbox.Kind.SECURE),
    portable(Sandbox.Kind.PORTABLE);

    private final Sandbox.Kind kind;

    FsSandbox(Sandbox.Kind kind) {
      this.kind = kind;
    }

    public Sandbox.Kind kind() {
      return kind;
    }
  }

  @Option(
      names = "--fs-sandbox",
      paramLabel = "KIND",
      description =
          "How the filesystem and git tools open files: secure (directory handles, no race"
              + " window; needs SecureDirectoryStream, which Windows JDKs lack) or portable"
              + " (paths, re-checked around each open; a narrow race window, see"
              + " docs/security.md). Default: secure where available, else portable.")
  FsSandbox fsSandbox;

  @Option(
      names = "--allow-hard-links",
      defaultValue = "false",
      description =
          "Let the filesystem and git tools read, edit, copy and move files that have more than"
              + " one hard link. Off by default: another name of such a file may lie outside the"
              + " roots.")
  boolean allowHardLinks;

  /** The sandbox kind asked for, or null to use the best this JDK offers. */
  public FsSandbox fsSandbox() {
    return fsSandbox;
  }

  /** A sandbox on the server's roots under these rules. Checks paths; opens nothing. */
  public Sandbox sandbox(ToolsetContext context) {
    return Sandbox.builder()
        .kind(kind())
        .allowHardLinks(allowHardLinks)
        .roots(context.roots())
        .defaultRoots(context.defaultRoots())
        .noRootHint(context.howToSetARoot())
        .readOnlyRoots(context.readOnlyRoots())
        .deny(deny)
        .maxWriteBytes(maxWriteBytes)
        .build();
  }

  /** The kind asked for, else the best this JDK offers, with a note when that is not secure. */
  private Sandbox.Kind kind() {
    return fsSandbox != null ? fsSandbox.kind() : bestAvailable();
  }

  private static Sandbox.Kind bestAvailable() {
    Sandbox.Kind best = Sandbox.Kind.bestAvailable();
    if (best == Sandbox.Kind.PORTABLE) {
      // The logger is made here, not with the options: building the command line logs nothing.
      LoggerFactory.getLogger(SandboxOptions.class)
          .warn(
              "This JDK has no SecureDirectoryStream; the file tools use the portable sandbox"
                  + " (--fs-sandbox portable, see docs/security.md).");
    }
    return best;
  }
}
