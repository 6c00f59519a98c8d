package io.devhost.server.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Set;

/**
 * The secret that signs the {@code requestState} of a 2026-07-28 round trip (a confirmation asked
 * in an {@code InputRequiredResult}). Every replica behind one load balancer must hold the same
 * key, so that the retry may land on any of them; without a key file each process makes its own,
 * and a retry only verifies on the process that asked.
 */
public final class StateKey {

  /** HMAC-SHA256 keys shorter than its output are weaker than the signature they make. */
  public static final int MIN_BYTES = 32;

  private final byte[] bytes;
  private final boolean shared;

  private StateKey(byte[] bytes, boolean shared) {
    this.bytes = bytes;
    this.shared = shared;
  }

  /** A random key for this process only. */
  public static StateKey generate() {
    var bytes = new byte[MIN_BYTES];
    new SecureRandom().nextBytes(bytes);
    return new StateKey(bytes, false);
  }

  /**
   * Reads a key file: its bytes, less trailing whitespace (so {@code openssl rand -base64 48 >
   * FILE} works), at least {@link #MIN_BYTES} of them, in a file other users cannot read.
   *
   * @throws IllegalArgumentException with a message that says what to fix
   */
  public static StateKey load(Path file) {
    String hint =
        " Make one with: openssl rand -base64 48 > " + file + " && chmod 600 " + file + ".";
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "--state-key-file " + file + ": no such file (or not a regular file)." + hint);
    }
    refuseWorldReadable(file);
    byte[] raw;
    try {
      raw = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "--state-key-file " + file + ": cannot be read (" + e.getMessage() + ").");
    }
    int end = raw.length;
    while (end > 0 && Character.isWhitespace(raw[end - 1])) {
      end--;
    }
    if (end < MIN_BYTES) {
      throw new IllegalArgumentException(
          "--state-key-file "
              + file
              + ": the key has "
              + end
              + " bytes; it needs at least "
              + MIN_BYTES
              + "."
              + hint);
    }
    return new StateKey(Arrays.copyOf(raw, end), true);
  }

  /**
   * Like libpq's rule for {@code .pgpass}, a secret other users can read is refused rather than
   * used. Group access is allowed: a Kubernetes Secret mounted with an {@code fsGroup} is
   * group-readable by design.
   */
  private static void refuseWorldReadable(Path file) {
    Set<PosixFilePermission> permissions;
    try {
      permissions = Files.getPosixFilePermissions(file);
    } catch (UnsupportedOperationException | IOException e) {
      return; // not a POSIX file system: nothing to check
    }
    if (permissions.contains(PosixFilePermission.OTHERS_READ)) {
      throw new IllegalArgumentException(
          "--state-key-file "
              + file
              + ": any user on this machine can read it, so anyone could forge confirmations."
              + " Restrict it: chmod 600 "
              + file
              + ".");
    }
  }

  /** The key's bytes (a copy). */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** True when the key came from a file, so other replicas can hold it too. */
  public boolean shared() {
    return shared;
  }
}
