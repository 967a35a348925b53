package io.gitbridge.http;

import io.gitbridge.core.GitBridge;
import io.gitbridge.core.github.RecordingGitHubApi;
import io.gitbridge.core.queue.EventQueue;
import io.gitbridge.core.task.Route;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A real GitBridge (in-memory queue, recording GitHub) behind a real server on 127.0.0.1, port 0,
 * wired the way the CLI wires it. Push events are recorded by a Java route as they are processed.
 */
final class ServerFixture implements AutoCloseable {
  static final String SECRET = "It's a Secret to Everybody";
  static final String ADMIN_TOKEN = "admin-token-0123456789";
  static final String READ_TOKEN = "read-token-0123456789";
  static final String PUSH =
      "{\"ref\":\"refs/heads/main\",\"repository\":{\"full_name\":\"octo-org/hello-world\"}}";

  final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  final MicrometerListener metrics = new MicrometerListener(registry);
  final RecordingGitHubApi gitHub = new RecordingGitHubApi();
  final List<String> processed = new CopyOnWriteArrayList<>();
  final GitBridge bridge;
  final GitBridgeServer server;
  final Http http;

  private ServerFixture(
      EventQueue queue,
      boolean startWorkers,
      Consumer<GitBridge.Builder> bridgeSettings,
      Consumer<GitBridgeServer.Builder> serverSettings) {
    GitBridge.Builder b =
        GitBridge.builder()
            .queue(queue)
            .gitHub(gitHub)
            .webhookSecret(SECRET)
            .workers(2)
            .pollInterval(Duration.ofMillis(50))
            .shutdownGrace(Duration.ofSeconds(5))
            .listener(metrics)
            .route(
                Route.on("push")
                    .step(
                        "record",
                        chain -> {
                          processed.add(chain.context().event().deliveryId().value());
                          return chain.proceed();
                        })
                    .build());
    bridgeSettings.accept(b);
    this.bridge = b.build();
    metrics.bindQueue(bridge.queue());
    if (startWorkers) {
      bridge.start();
    }
    GitBridgeServer.Builder s =
        GitBridgeServer.builder()
            .bridge(bridge)
            .host("127.0.0.1")
            .port(0)
            .meterRegistry(registry)
            .stopGrace(Duration.ofSeconds(1));
    serverSettings.accept(s);
    this.server = s.build().start();
    this.http = new Http(server.url());
  }

  static ServerFixture start(
      EventQueue queue,
      boolean startWorkers,
      Consumer<GitBridge.Builder> bridgeSettings,
      Consumer<GitBridgeServer.Builder> serverSettings) {
    return new ServerFixture(queue, startWorkers, bridgeSettings, serverSettings);
  }

  @Override
  public void close() {
    server.close();
    bridge.close();
  }
}
