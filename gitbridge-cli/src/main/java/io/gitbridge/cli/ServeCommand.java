package io.gitbridge.cli;

import io.gitbridge.cli.config.GitBridgeConfig;
import io.gitbridge.cli.config.ServerConfig;
import io.gitbridge.core.GitBridge;
import io.gitbridge.core.GitBridgeException;
import io.gitbridge.core.GitBridgeListener;
import io.gitbridge.core.github.GitHubApi;
import io.gitbridge.github.OkHttpGitHubApi;
import io.gitbridge.http.GitBridgeServer;
import io.gitbridge.http.MicrometerListener;
import io.gitbridge.http.SlackNotifier;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gitbridge serve [--config FILE] [--port N]}: runs the server until SIGINT or SIGTERM.
 * Without a file it runs on the embedded default: generated webhook secret and admin token, each
 * printed once, and GitHub in dry run. When ready it prints {@code listening on http://HOST:PORT}.
 */
@Command(
    name = "serve",
    description = {
      "Runs the server.",
      "Without --config: embedded defaults, dry-run GitHub, generated webhook secret and admin"
          + " token."
    })
final class ServeCommand implements Callable<Integer> {
  @ParentCommand private GitBridgeCommand root;

  @Spec private CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", description = "webhook_config.yaml to use.")
  private Path config;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "Port to listen on, over server.port; 0 takes any free port.")
  private Integer port;

  @Override
  public Integer call() throws InterruptedException {
    if (port != null && (port < 0 || port > 65535)) {
      throw new ParameterException(
          spec.commandLine(), "--port must be between 0 and 65535, was " + port);
    }
    GitBridgeConfig settings =
        config == null ? root.loader().defaults() : root.loader().load(config);
    if (port != null) {
      settings = settings.withPort(port);
    }
    announceGenerated(settings);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    MicrometerListener metrics = new MicrometerListener(registry);
    try (SlackNotifier notifier = BridgeWiring.notifier(settings.notifications(), registry)) {
      settings
          .notifications()
          .target()
          .ifPresent(url -> root.out().println("notifications: posted to " + url.getHost()));
      return serve(settings, registry, metrics, GitBridgeListener.all(metrics, notifier));
    }
  }

  /** Runs on {@code listener} (metrics and notifications), which outlives the bridge. */
  private int serve(
      GitBridgeConfig settings,
      PrometheusMeterRegistry registry,
      MicrometerListener metrics,
      GitBridgeListener listener)
      throws InterruptedException {
    GitHubApi gitHub = BridgeWiring.gitHub(settings.github(), listener);
    checkToken(settings, gitHub);
    QueueWiring queues = QueueWiring.open(settings.queue(), listener, root.out());
    try {
      GitBridge bridge = BridgeWiring.build(settings, queues.queue(), gitHub, listener);
      metrics.bindQueue(bridge.queue());
      return run(settings, bridge, registry, gitHub, queues);
    } finally {
      queues.close();
    }
  }

  /** Generated secrets are shown once, here, so that the operator can configure GitHub. */
  private void announceGenerated(GitBridgeConfig settings) {
    PrintWriter out = root.out();
    if (settings.github().webhookSecretGenerated()) {
      out.println(
          "webhook secret (generated, shown once): " + settings.github().webhookSecrets().get(0));
    }
    if (settings.admin().tokenGenerated()) {
      out.println("admin token (generated, shown once): " + settings.admin().token());
    }
    out.flush();
  }

  /**
   * A token that lacks a scope the routes need stops the server now, not at the first event. A
   * GitHub App has no scopes: its permissions are set on the App, so there is nothing to check.
   */
  private void checkToken(GitBridgeConfig settings, GitHubApi gitHub) {
    if (!(gitHub instanceof OkHttpGitHubApi client)) {
      return;
    }
    if (settings.github().app() != null) {
      root.err()
          .println(
              "GitHub App "
                  + settings.github().app().appId()
                  + ": no token scopes to check; the permissions are set on the App (and granted"
                  + " by each installation), each event acts as the installation it names");
      root.err().flush();
      return;
    }
    Set<String> missing =
        TokenCheck.report(client.tokenReport(), RouteScopes.needed(settings.routes()), root.err());
    if (!missing.isEmpty()) {
      client.close();
      throw new GitBridgeException(
          "github.token lacks the scope(s) the routes need: " + String.join(", ", missing));
    }
  }

  private int run(
      GitBridgeConfig settings,
      GitBridge bridge,
      PrometheusMeterRegistry registry,
      GitHubApi gitHub,
      QueueWiring queues)
      throws InterruptedException {
    ServerConfig server = settings.server();
    GitBridgeServer http;
    try {
      GitBridgeServer.Builder builder =
          GitBridgeServer.builder()
              .bridge(bridge)
              .host(server.host())
              .port(server.port())
              .webhookPath(server.webhookPath())
              .meterRegistry(registry)
              .adminToken(settings.admin().token());
      queues.healthChecks().forEach(builder::healthCheck);
      if (settings.admin().readToken() != null) {
        builder.readToken(settings.admin().readToken());
      }
      http = builder.build().start();
    } catch (RuntimeException e) {
      closeQuietly(bridge, gitHub);
      throw e;
    }
    Shutdown shutdown = root.shutdown();
    bridge.start();
    root.out().println("listening on " + http.url());
    root.out().flush();
    try {
      shutdown.awaitRequest();
    } finally {
      http.close();
      closeQuietly(bridge, gitHub);
      shutdown.closed();
    }
    return 0;
  }

  private static void closeQuietly(GitBridge bridge, GitHubApi gitHub) {
    bridge.close();
    if (gitHub instanceof OkHttpGitHubApi client) {
      client.close();
    }
  }
}
