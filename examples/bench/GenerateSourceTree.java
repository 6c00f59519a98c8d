import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a deterministic tree of 20,000 source-like files (Java, TypeScript, Python, Markdown)
 * for the filesystem benchmarks: same seed, same bytes, on every machine.
 *
 * <p>Usage: {@code java examples/bench/GenerateSourceTree.java OUT_DIR}
 */
public final class GenerateSourceTree {

  static final int MODULES = 40;
  static final int PACKAGES = 10;
  static final int FILES = 50;
  static final String[] WORDS = {
    "order", "customer", "invoice", "payment", "account", "session", "cache", "request", "handler",
    "config", "stream", "buffer", "index", "record", "schema", "token", "policy", "retry", "limit"
  };

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "bench-tree");
    var random = new Random(20261124L);
    Files.createDirectories(out);
    Files.writeString(out.resolve(".gitignore"), "build/\nnode_modules/\n*.log\n");
    int n = 0;
    for (int m = 0; m < MODULES; m++) {
      for (int p = 0; p < PACKAGES; p++) {
        Path dir = out.resolve("module" + m).resolve("src").resolve("pkg" + p);
        Files.createDirectories(dir);
        for (int f = 0; f < FILES; f++, n++) {
          String kind = switch (n % 4) { case 0, 1 -> "java"; case 2 -> "ts"; default -> n % 8 == 3 ? "py" : "md"; };
          String name = WORDS[random.nextInt(WORDS.length)] + "_" + n;
          Files.writeString(dir.resolve(name + "." + kind), body(kind, name, n, random));
        }
      }
      Path build = out.resolve("module" + m).resolve("build");
      Files.createDirectories(build);
      Files.writeString(build.resolve("generated.txt"), "ignored by .gitignore\n");
    }
    System.out.println("wrote " + n + " files under " + out);
  }

  static String body(String kind, String name, int n, Random random) {
    var sb = new StringBuilder();
    int lines = 40 + random.nextInt(160);
    String comment = kind.equals("py") ? "#" : kind.equals("md") ? "" : "//";
    sb.append(comment).append(" File ").append(name).append(" generated for the benchmark\n");
    if (kind.equals("java")) {
      sb.append("package bench.pkg;\n\npublic final class ").append(cap(name)).append(" {\n");
    }
    for (int i = 0; i < lines; i++) {
      String a = WORDS[random.nextInt(WORDS.length)];
      String b = WORDS[random.nextInt(WORDS.length)];
      switch (random.nextInt(6)) {
        case 0 -> sb.append("  ").append(comment).append(" handles the ").append(a).append(" of each ").append(b).append('\n');
        case 1 -> sb.append("  int ").append(a).append(i).append(" = compute").append(cap(b)).append("(").append(random.nextInt(1000)).append(");\n");
        case 2 -> sb.append("  if (").append(a).append(" != null && ").append(b).append(".isValid()) { return ").append(a).append("; }\n");
        case 3 -> sb.append("  log.debug(\"").append(a).append(" ").append(b).append(" id=\" + id").append(i).append(");\n");
        case 4 -> sb.append(random.nextInt(97) == 0 ? "  // TODO(perf): cache the " + a + " lookup\n" : "\n");
        default -> sb.append("  return new ").append(cap(a)).append(cap(b)).append("(").append(i).append(");\n");
      }
    }
    if (n % 1000 == 7) {
      sb.append("  String marker = \"NEEDLE_UNIQUE_").append(n).append("\";\n");
    }
    if (kind.equals("java")) {
      sb.append("}\n");
    }
    return sb.toString();
  }

  static String cap(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
