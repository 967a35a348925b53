package io.gitbridge.cli.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.List;

/**
 * A whole {@code webhook_config.yaml}, read and checked by {@link ConfigLoader}: every section with
 * its defaults filled in, the {@code routes} as written (the core reads them in {@code
 * GitBridge.builder().routeDefinitions(...)}), and the {@link ConfigOrigin} that maps any key back
 * to its line. Immutable: {@link #routes()} hands out a copy.
 */
public record GitBridgeConfig(
    ServerConfig server,
    AdminConfig admin,
    QueueConfig queue,
    GitHubConfig github,
    MetricsConfig metrics,
    SecurityConfig security,
    NotificationsConfig notifications,
    JsonNode routes,
    ConfigOrigin origin) {

  /** The top-level keys, in the order the reference documents them. */
  public static final List<String> KEYS =
      List.of(
          "server", "admin", "queue", "github", "metrics", "security", "notifications", "routes");

  /**
   * @param routes the {@code routes:} list; null or {@link NullNode} for none
   */
  public GitBridgeConfig {
    requireNonNull(server, "server == null");
    requireNonNull(admin, "admin == null");
    requireNonNull(queue, "queue == null");
    requireNonNull(github, "github == null");
    requireNonNull(metrics, "metrics == null");
    requireNonNull(security, "security == null");
    requireNonNull(notifications, "notifications == null");
    requireNonNull(origin, "origin == null");
    routes = routes == null ? NullNode.getInstance() : routes.deepCopy();
  }

  /** The {@code routes:} list as written, or a {@link NullNode} when there is none. A copy. */
  @Override
  public JsonNode routes() {
    return routes.deepCopy();
  }

  /** This configuration with the server on {@code port} ({@code serve --port}). */
  public GitBridgeConfig withPort(int port) {
    return new GitBridgeConfig(
        server.withPort(port),
        admin,
        queue,
        github,
        metrics,
        security,
        notifications,
        routes,
        origin);
  }
}
