package io.devhost.server.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The files packaged below one folder of the class path, by path relative to that folder. Works
 * from the built jar and from {@code target/classes} alike; the class path offers no listing of its
 * own.
 */
final class PackagedFiles {

  private PackagedFiles() {}

  /**
   * @param folder a class-path folder such as {@code io/devhost/server/demo/shop}
   * @param marker a file known to be in it, used to find where the folder lives
   */
  static Map<String, byte[]> read(String folder, String marker) {
    URL url = PackagedFiles.class.getClassLoader().getResource(folder + "/" + marker);
    if (url == null) {
      throw new IllegalStateException(folder + " is missing from this build of DevHost");
    }
    try {
      return "jar".equals(url.getProtocol())
          ? fromJar(((JarURLConnection) url.openConnection()).getJarFile(), folder + "/")
          : fromDirectory(Path.of(url.toURI()).getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + folder + " failed", e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, byte[]> fromJar(JarFile jar, String prefix) throws IOException {
    var files = new TreeMap<String, byte[]>();
    for (JarEntry entry : (Iterable<JarEntry>) jar.stream()::iterator) {
      if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
        try (var in = jar.getInputStream(entry)) {
          files.put(entry.getName().substring(prefix.length()), in.readAllBytes());
        }
      }
    }
    return files;
  }

  private static Map<String, byte[]> fromDirectory(Path dir) throws IOException {
    var files = new TreeMap<String, byte[]>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
    }
    return files;
  }
}
