package io.gitbridge.cli.config;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Where the server listens: {@code server.host}, {@code server.port} (0 picks a free port) and
 * {@code server.webhook_path}. Immutable.
 */
public record ServerConfig(String host, int port, String webhookPath) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_WEBHOOK_PATH = "/webhook";
  public static final ServerConfig DEFAULT =
      new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_WEBHOOK_PATH);

  static final List<String> KEYS = List.of("host", "port", "webhook_path");

  /**
   * @throws IllegalArgumentException if the port is outside 0..65535 or the path does not start
   *     with {@code /}
   */
  public ServerConfig {
    requireNonNull(host, "host == null");
    requireNonNull(webhookPath, "webhookPath == null");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
    }
    if (!validPath(webhookPath)) {
      throw new IllegalArgumentException("webhook path must start with '/': " + webhookPath);
    }
  }

  /** This configuration listening on {@code port} instead. */
  public ServerConfig withPort(int port) {
    return new ServerConfig(host, port, webhookPath);
  }

  private static boolean validPath(String path) {
    return path.startsWith("/") && !path.contains(" ") && !path.contains("?");
  }

  static ServerConfig read(ConfigReader r) {
    r.mapping("server", KEYS);
    String host = r.string("server.host", DEFAULT_HOST);
    int port = r.wholeNumber("server.port", DEFAULT_PORT, 0, 65535);
    String path = r.string("server.webhook_path", DEFAULT_WEBHOOK_PATH);
    if (!validPath(path)) {
      r.problem("server.webhook_path", "must be a path starting with '/', got \"" + path + "\"");
      path = DEFAULT_WEBHOOK_PATH;
    }
    return new ServerConfig(host, port, path);
  }
}
