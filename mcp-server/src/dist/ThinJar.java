import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Copies a jar without the entries whose names match any of the given patterns: IN OUT REGEX...
 * The distribution is for one platform, so the native libraries and database binaries the
 * dependencies bundle for every other platform are dead weight (about two thirds of the jar).
 */
public class ThinJar {

  public static void main(String[] args) throws IOException {
    Path in = Path.of(args[0]);
    Path out = Path.of(args[1]);
    Pattern drop = Pattern.compile(String.join("|", Arrays.copyOfRange(args, 2, args.length)));
    int dropped = 0;
    try (var zin = new ZipInputStream(Files.newInputStream(in));
        var zout = new ZipOutputStream(Files.newOutputStream(out))) {
      for (ZipEntry entry; (entry = zin.getNextEntry()) != null; ) {
        if (drop.matcher(entry.getName()).matches()) {
          dropped++;
          continue;
        }
        var copy = new ZipEntry(entry.getName());
        copy.setTime(entry.getTime());
        zout.putNextEntry(copy);
        zin.transferTo(zout);
        zout.closeEntry();
      }
    }
    System.err.printf(
        "dist: %s without %d entries for other platforms: %d MB -> %d MB%n",
        out.getFileName(), dropped, Files.size(in) >> 20, Files.size(out) >> 20);
  }
}
