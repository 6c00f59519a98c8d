package io.devhost.server.config;

/** The toolsets this build can serve, as named on the command line. */
public enum ToolsetId {
  fs,
  git,
  github,
  pg
}
