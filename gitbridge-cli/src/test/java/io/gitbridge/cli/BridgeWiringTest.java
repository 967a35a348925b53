package io.gitbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.gitbridge.cli.config.ConfigFileException;
import io.gitbridge.cli.config.ConfigLoader;
import io.gitbridge.cli.config.GitBridgeConfig;
import io.gitbridge.cli.config.QueueConfig;
import io.gitbridge.core.GitBridge;
import io.gitbridge.core.GitBridgeListener;
import io.gitbridge.core.github.RecordingGitHubApi;
import io.gitbridge.core.queue.InMemoryEventQueue;
import io.gitbridge.github.OkHttpGitHubApi;
import io.gitbridge.redis.FailoverEventQueue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BridgeWiringTest {
  private final ConfigLoader loader = new ConfigLoader(Map.of());

  private GitBridgeConfig parse(String yaml) {
    return loader.parse("gb.yaml", yaml, true);
  }

  @Test
  void memoryQueueTakesTheQueueSettings() {
    GitBridgeConfig config =
        parse(
            "github:\n  webhook_secret: s\nqueue:\n  max_size: 7\n  lease_timeout: 45s\n"
                + "  retry_policy:\n    max_retries: 2\n");

    try (GitBridge bridge = BridgeWiring.build(config, GitBridgeListener.NOOP)) {
      InMemoryEventQueue queue = (InMemoryEventQueue) bridge.queue();
      assertThat(queue.policy().maxSize()).isEqualTo(7);
      assertThat(queue.policy().leaseTimeout()).isEqualTo(Duration.ofSeconds(45));
      assertThat(config.queue().timeout()).isEqualTo(QueueConfig.DEFAULT_TIMEOUT);
      assertThat(queue.policy().retryPolicy().maxRetries()).isEqualTo(2);
      assertThat(bridge.gitHub()).isInstanceOf(RecordingGitHubApi.class);
      assertThat(bridge.isRunning()).isFalse();
    }
  }

  @Test
  void routesReachTheRouter() {
    GitBridgeConfig config =
        parse("github:\n  webhook_secret: s\nroutes:\n  - on: push\n    tasks: [log]\n");

    try (GitBridge bridge = BridgeWiring.build(config, GitBridgeListener.NOOP)) {
      assertThat(bridge.router().routes()).hasSize(1);
      assertThat(bridge.router().routes().get(0).steps())
          .extracting(step -> step.name())
          .containsExactly("log");
    }
  }

  @Test
  void coreRejectionIsExplainedWithItsLine() {
    // a config that got past the loader but that the core refuses (routes swapped in)
    GitBridgeConfig config = parse("github:\n  webhook_secret: s\nroutes:\n");
    ArrayNode routes = JsonNodeFactory.instance.arrayNode();
    routes.addObject();
    GitBridgeConfig broken =
        new GitBridgeConfig(
            config.server(),
            config.admin(),
            config.queue(),
            config.github(),
            config.metrics(),
            config.security(),
            config.notifications(),
            routes,
            config.origin());

    assertThatThrownBy(() -> BridgeWiring.build(broken, GitBridgeListener.NOOP))
        .isInstanceOf(ConfigFileException.class)
        .hasMessage("gb.yaml:3: routes[0].on: is required");
  }

  @Test
  void redisQueueSitsBehindTheFailoverWithItsSpoolInTheDataDirectory() {
    QueueConfig redis =
        parse(
                "github:\n  webhook_secret: s\nqueue:\n  type: redis\n"
                    + "  redis_url: redis://127.0.0.1:1\n  data_dir: /tmp/gb-wiring-test\n")
            .queue();

    try (FailoverEventQueue queue =
        BridgeWiring.redisQueue(redis, redis.redisUrl(), GitBridgeListener.NOOP)) {
      assertThat(queue.spoolFile()).isEqualTo(Path.of("/tmp/gb-wiring-test/failover-spool.log"));
    }
  }

  @Test
  void tokenWithoutDryRunWiresTheRealGitHubClientAtTheConfiguredUrl() {
    GitBridgeConfig config =
        parse(
            "github:\n  webhook_secret: s\n  token: t\n  api_url: https://ghe.example.com/api/v3\n");

    try (GitBridge bridge = BridgeWiring.build(config, GitBridgeListener.NOOP)) {
      assertThat(bridge.gitHub()).isInstanceOf(OkHttpGitHubApi.class);
      ((OkHttpGitHubApi) bridge.gitHub()).close();
    }
  }
}
