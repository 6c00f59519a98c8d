package io.devhost.server.http;

import java.util.Optional;

/**
 * Something the server needs in order to serve, such as a configured database. {@code /healthz}
 * reports not ready while any check has a problem.
 */
@FunctionalInterface
public interface ReadinessCheck {

  /** A short description of what is wrong (no secrets), or empty when ready. */
  Optional<String> problem();
}
