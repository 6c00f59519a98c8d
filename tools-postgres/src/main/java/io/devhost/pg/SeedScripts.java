package io.devhost.pg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The SQL that sets up a sample database, laid out as an application keeps it: versioned migrations
 * ({@code migrations/V<n>__<description>.sql}, applied in version order) and then one seed file
 * ({@code seed.sql}). Each file runs whole, in one transaction with the others.
 */
public record SeedScripts(List<Migration> migrations, String seed) {

  /** One versioned migration. */
  public record Migration(int version, String description, String sql) {}

  private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__(.+)\\.sql");

  public SeedScripts {
    migrations = migrations.stream().sorted(Comparator.comparingInt(Migration::version)).toList();
  }

  /** Reads {@code dir/migrations/V*.sql} and {@code dir/seed.sql}. */
  public static SeedScripts fromDirectory(Path dir) {
    try (Stream<Path> files = Files.list(dir.resolve("migrations"))) {
      var migrations = new ArrayList<Migration>();
      for (Path file : files.toList()) {
        Matcher m = MIGRATION.matcher(file.getFileName().toString());
        if (m.matches()) {
          migrations.add(
              new Migration(
                  Integer.parseInt(m.group(1)),
                  m.group(2).replace('_', ' '),
                  Files.readString(file, StandardCharsets.UTF_8)));
        }
      }
      if (migrations.isEmpty()) {
        throw new IllegalArgumentException("no migrations V<n>__<name>.sql in " + dir);
      }
      return new SeedScripts(migrations, Files.readString(dir.resolve("seed.sql")));
    } catch (IOException e) {
      throw new UncheckedIOException("reading the seed scripts in " + dir + " failed", e);
    }
  }

  /** Names this exact set of scripts, so a database seeded from other ones is recognized. */
  public String checksum() {
    var all = new StringBuilder();
    migrations.forEach(m -> all.append(m.version()).append('\0').append(m.sql()).append('\0'));
    return sha256(all.append(seed).toString());
  }

  /** The checksum of one migration's text, as recorded in {@code schema_migrations}. */
  static String checksum(Migration migration) {
    return sha256(migration.sql());
  }

  private static String sha256(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
