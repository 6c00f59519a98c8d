package io.devhost.server.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the bearer token: {@code --token} (or {@code DEVHOST_TOKEN}), else the token file. */
final class TokenSource {

  /** Shorter tokens are refused: they could be guessed. */
  static final int MIN_LENGTH = 16;

  private TokenSource() {}

  /** The token, or null when none is configured. */
  static String resolve(String token, Path tokenFile) {
    if (token != null && tokenFile != null) {
      throw new IllegalArgumentException("Give either --token or --token-file, not both.");
    }
    String value = token;
    if (tokenFile != null) {
      try {
        value = Files.readString(tokenFile, StandardCharsets.UTF_8).lines().findFirst().orElse("");
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "Cannot read --token-file " + tokenFile + ": " + e.getClass().getSimpleName() + ".");
      }
    }
    if (value == null) {
      return null;
    }
    value = value.strip();
    if (value.length() < MIN_LENGTH) {
      throw new IllegalArgumentException(
          "The bearer token is shorter than "
              + MIN_LENGTH
              + " characters; use a random one, e.g. from `openssl rand -hex 32`.");
    }
    return value;
  }
}
