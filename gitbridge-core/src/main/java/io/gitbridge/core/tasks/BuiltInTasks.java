package io.gitbridge.core.tasks;

import io.gitbridge.core.ConfigurationException;
import io.gitbridge.core.task.TaskRegistry;

/**
 * The tasks every GitBridge knows by name in its {@code routes:}. Their options are documented in
 * {@code docs/configuration.md}; each is checked when the routes are read.
 */
public final class BuiltInTasks {
  private BuiltInTasks() {}

  /**
   * A registry holding every built-in task but {@code forward}, which needs a {@link
   * WebhookSender}: a route using it fails at start, saying so.
   */
  public static TaskRegistry registry() {
    return registry(null);
  }

  /** A registry holding every built-in task; {@code forward} posts through {@code sender}. */
  public static TaskRegistry registry(WebhookSender sender) {
    return new TaskRegistry()
        .register("commit-status", CommitStatusTask::new)
        .register("check-run", CheckRunTask::new)
        .register("comment", CommentTask::new)
        .register("label", LabelTask::new)
        .register("dispatch-workflow", DispatchWorkflowTask::new)
        .register("repository-dispatch", RepositoryDispatchTask::new)
        .register(
            "forward",
            options -> {
              if (sender == null) {
                throw new ConfigurationException(
                    options.path(), "needs a webhook sender; none is wired in");
              }
              return new ForwardTask(sender, options);
            })
        .register("log", LogTask::new);
  }
}
