package io.gitbridge.core.tasks;

import static java.util.Objects.requireNonNull;

import io.gitbridge.core.ConfigurationException;
import io.gitbridge.core.GitBridgeException;
import io.gitbridge.core.ingest.DeliveryHeaders;
import io.gitbridge.core.task.Task;
import io.gitbridge.core.task.TaskChain;
import io.gitbridge.core.task.TaskContext;
import io.gitbridge.core.task.TaskOptions;
import io.gitbridge.core.task.TaskResult;
import io.gitbridge.core.task.Template;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code forward}: posts the event, as GitHub sent it, to another URL with GitHub's headers and the
 * same delivery id, re-signed with {@code secret} when one is given. Options: {@code url}
 * (required, http or https), {@code secret}.
 *
 * <p>A 2xx answer proceeds; 429, 5xx or no answer retries the event; any other status fails it for
 * good. The receiver should dedupe on {@code X-GitHub-Delivery}: a retry sends the same one.
 */
final class ForwardTask implements Task {
  static final String USER_AGENT = "GitBridge-Forward";

  private final WebhookSender sender;
  private final Template url;
  private final String secret;

  ForwardTask(WebhookSender sender, TaskOptions options) {
    this.sender = requireNonNull(sender, "sender == null");
    this.url = options.template("url");
    if (url.isConstant()) {
      String scheme = URI.create(url.toString()).getScheme();
      if (!"http".equals(scheme) && !"https".equals(scheme)) {
        throw new ConfigurationException(options.keyOf("url"), "must be an http or https URL");
      }
    }
    this.secret = options.string("secret", null);
  }

  @Override
  public TaskResult run(TaskChain chain) {
    TaskContext ctx = chain.context();
    byte[] body = ctx.event().body().getBytes(StandardCharsets.UTF_8);
    URI target = URI.create(ctx.render(url));
    int status;
    try {
      status =
          sender.post(
              target,
              DeliveryHeaders.of(
                  ctx.event().type(), ctx.event().deliveryId(), body, secret, USER_AGENT),
              body);
    } catch (GitBridgeException e) {
      return TaskResult.retryLater("forward to " + target.getHost() + ": " + e.getMessage());
    }
    if (status >= 200 && status < 300) {
      return chain.proceed();
    }
    String reason = "forward to " + target.getHost() + " answered " + status;
    return status == 429 || status >= 500
        ? new TaskResult.RetryLater(reason, Duration.ZERO)
        : TaskResult.failed(reason);
  }
}
