package io.gitbridge.cli;

import io.gitbridge.cli.config.GitBridgeConfig;
import io.gitbridge.cli.config.GitHubConfig;
import io.gitbridge.cli.config.QueueConfig;
import io.gitbridge.core.ConfigurationException;
import io.gitbridge.core.GitBridge;
import io.gitbridge.core.GitBridgeListener;
import io.gitbridge.core.github.GitHubApi;
import io.gitbridge.core.github.RecordingGitHubApi;
import io.gitbridge.core.queue.EventQueue;
import io.gitbridge.core.queue.InMemoryEventQueue;

/**
 * Builds a {@link GitBridge} from a {@link GitBridgeConfig}: picks the queue and GitHub adapters
 * and hands the routes to the core. The only place that knows which adapter a setting means.
 */
final class BridgeWiring {
  private BridgeWiring() {}

  /**
   * @throws io.gitbridge.cli.config.ConfigFileException if the core rejects a setting, naming its
   *     line
   */
  static GitBridge build(GitBridgeConfig config, GitBridgeListener listener) {
    EventQueue queue = queue(config.queue());
    try {
      return GitBridge.builder()
          .queue(queue)
          .gitHub(gitHub(config.github()))
          .webhookSecrets(config.github().webhookSecrets())
          .routeDefinitions(config.routes())
          .workers(config.queue().workers())
          .listener(listener)
          .build();
    } catch (ConfigurationException e) {
      queue.close();
      throw config.origin().explain(e);
    } catch (RuntimeException e) {
      queue.close();
      throw e;
    }
  }

  static EventQueue queue(QueueConfig queue) {
    return switch (queue.type()) {
      case MEMORY ->
          InMemoryEventQueue.builder()
              .maxSize(queue.maxSize())
              .leaseTimeout(queue.timeout())
              .retryPolicy(queue.retryPolicy().toRetryPolicy())
              .build();
      case REDIS -> redisQueue(queue);
    };
  }

  /**
   * TODO(phase B): return gitbridge-redis's {@code RedisEventQueue} for {@code queue.redisUrl()},
   * with {@code maxSize()}, {@code timeout()} as the lease timeout, {@code retryPolicy()} and the
   * failover spool under {@code dataDir()}.
   */
  static EventQueue redisQueue(QueueConfig queue) {
    throw new UnsupportedOperationException("queue.type redis is not wired in yet");
  }

  static GitHubApi gitHub(GitHubConfig github) {
    return github.dryRun() ? new RecordingGitHubApi().logRequests(true) : gitHubClient(github);
  }

  /**
   * TODO(phase B): return gitbridge-github's {@code OkHttpGitHubApi} for {@code github.apiUrl()}
   * with {@code token()} and {@code apiVersion()}.
   */
  static GitHubApi gitHubClient(GitHubConfig github) {
    throw new UnsupportedOperationException(
        "github.dry_run is false, but the GitHub client is not wired in yet");
  }
}
