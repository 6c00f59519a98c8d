package io.devhost.bridge.testing;

import io.devhost.bridge.host.ServerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Stdio server configs that start a main class of the test class path in a child JVM. */
public final class TestServers {

  private TestServers() {}

  public static ServerConfig.Stdio childJvm(String name, Class<?> main, List<String> args) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var command = new ArrayList<String>();
    command.addAll(
        List.of(
            "-Xshare:auto",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            main.getName()));
    command.addAll(args);
    return new ServerConfig.Stdio(name, java, command, Map.of(), null);
  }

  /** The test tool server over {@code workspace}, named {@code name}. */
  public static ServerConfig.Stdio toolServer(String name, Path workspace) {
    return childJvm(name, TestToolServer.class, List.of(name, workspace.toString()));
  }

  /** A server that speaks only 2026-07-28, over {@code workspace}, named {@code name}. */
  public static ServerConfig.Stdio modernServer(String name, Path workspace) {
    return childJvm(name, ModernToolServer.class, List.of(name, workspace.toString()));
  }
}
