package io.gitbridge.cli;

import io.gitbridge.cli.config.GitBridgeConfig;
import io.gitbridge.cli.config.GitHubConfig;
import io.gitbridge.cli.config.NotificationsConfig;
import io.gitbridge.cli.config.QueueConfig;
import io.gitbridge.core.ConfigurationException;
import io.gitbridge.core.GitBridge;
import io.gitbridge.core.GitBridgeListener;
import io.gitbridge.core.github.GitHubApi;
import io.gitbridge.core.github.RecordingGitHubApi;
import io.gitbridge.core.queue.EventQueue;
import io.gitbridge.core.queue.InMemoryEventQueue;
import io.gitbridge.core.queue.QueuePolicy;
import io.gitbridge.github.OkHttpGitHubApi;
import io.gitbridge.http.JdkWebhookSender;
import io.gitbridge.http.SlackNotifier;
import io.gitbridge.redis.FailoverEventQueue;
import io.gitbridge.redis.RedisEventQueue;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Builds a {@link GitBridge} from a {@link GitBridgeConfig}: picks the queue and GitHub adapters
 * and hands the routes to the core. The only place that knows which adapter a setting means.
 */
final class BridgeWiring {
  private BridgeWiring() {}

  /** Builds the in-memory queue and the GitHub adapter the configuration names, then the bridge. */
  static GitBridge build(GitBridgeConfig config, GitBridgeListener listener) {
    return build(config, memoryQueue(config.queue()), gitHub(config.github(), listener), listener);
  }

  /**
   * With a GitHub App, each event's tasks call GitHub as the installation the event names ({@code
   * installation.id}); with a token or in dry run, every event uses {@code gitHub}.
   *
   * @param gitHub the GitHub adapter, from {@link #gitHub}
   * @throws io.gitbridge.cli.config.ConfigFileException if the core rejects a setting, naming its
   *     line
   */
  static GitBridge build(
      GitBridgeConfig config, EventQueue queue, GitHubApi gitHub, GitBridgeListener listener) {
    try {
      GitBridge.Builder bridge = GitBridge.builder().queue(queue);
      if (config.github().app() != null && gitHub instanceof OkHttpGitHubApi app) {
        bridge.gitHubPerEvent(app.perInstallation());
      } else {
        bridge.gitHub(gitHub);
      }
      return bridge
          .webhookSender(new JdkWebhookSender())
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

  /** Size, lease timeout and retries from {@code queue.*}: what every queue adapter shares. */
  static QueuePolicy policy(QueueConfig queue) {
    return QueuePolicy.builder()
        .maxSize(queue.maxSize())
        .leaseTimeout(queue.leaseTimeout())
        .retryPolicy(queue.retryPolicy().toRetryPolicy())
        .build();
  }

  /** The in-memory queue, for {@code queue.type: memory}. */
  static EventQueue memoryQueue(QueueConfig queue) {
    return new InMemoryEventQueue(policy(queue));
  }

  /**
   * The Redis queue at {@code url}, behind the failover (in-process queue and a spool file under
   * {@code dataDir} while Redis is away).
   */
  static FailoverEventQueue redisQueue(QueueConfig queue, String url, GitBridgeListener listener) {
    RedisEventQueue redis =
        RedisEventQueue.builder().url(url).timeout(queue.timeout()).policy(policy(queue)).build();
    return FailoverEventQueue.builder()
        .primary(redis)
        .spoolFile(queue.dataDir().resolve("failover-spool.log"))
        .listener(listener)
        .build();
  }

  /** Dry run records and logs; otherwise the real client, reporting to {@code listener}. */
  static GitHubApi gitHub(GitHubConfig github, GitBridgeListener listener) {
    return github.dryRun() ? new RecordingGitHubApi().logRequests(true) : client(github, listener);
  }

  /** The real client, with the token or as the GitHub App. */
  static OkHttpGitHubApi client(GitHubConfig github, GitBridgeListener listener) {
    OkHttpGitHubApi.Builder client =
        OkHttpGitHubApi.builder()
            .baseUrl(github.apiUrl().toString())
            .apiVersion(github.apiVersion())
            .listener(listener);
    if (github.app() != null) {
      client.appAuth(github.app());
    } else if (github.token() != null) {
      client.token(github.token());
    } else {
      throw new ConfigurationException(
          "github.token", "is needed to call GitHub (or github.app_id)");
    }
    return client.build();
  }

  /**
   * Queue-full and failover notices: logged, and POSTed to {@code notifications.url} when one is
   * set, counted in {@code registry}. The caller closes it after the bridge.
   */
  static SlackNotifier notifier(NotificationsConfig notifications, MeterRegistry registry) {
    SlackNotifier.Builder notifier = SlackNotifier.builder().meterRegistry(registry);
    notifications.target().ifPresent(notifier::url);
    return notifier.build();
  }
}
