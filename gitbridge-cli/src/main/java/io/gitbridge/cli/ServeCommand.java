package io.gitbridge.cli;

import io.gitbridge.cli.config.GitBridgeConfig;
import io.gitbridge.core.GitBridge;
import io.gitbridge.core.GitBridgeListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gitbridge serve [--config FILE] [--port N]}: runs the server. Without a file it runs on
 * the embedded default: in-memory queue, dry-run GitHub, and a generated webhook secret and admin
 * token, each printed once.
 */
@Command(
    name = "serve",
    description = {
      "Runs the server.",
      "Without --config: in-memory queue, dry-run GitHub, generated webhook secret and admin token."
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
  public Integer call() {
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
    GitBridge bridge = BridgeWiring.build(settings, GitBridgeListener.NOOP);
    return startServer(settings, bridge);
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
   * TODO(phase B): start gitbridge-http's {@code GitBridgeServer} on {@code settings.server()} with
   * {@code bridge} (and a {@code MicrometerListener}, passed to {@link BridgeWiring#build} instead
   * of NOOP), start the bridge's workers, print {@code listening on http://HOST:PORT} with the
   * bound port, block until SIGINT/SIGTERM, then close the server and the bridge in that order and
   * return 0.
   */
  int startServer(GitBridgeConfig settings, GitBridge bridge) {
    bridge.close();
    throw new UnsupportedOperationException("the HTTP server is not wired in yet");
  }
}
