package io.gitbridge.core.tasks;

import io.gitbridge.core.task.TaskRegistry;

/**
 * The tasks every GitBridge knows by name in its {@code routes:}. Their options are documented in
 * {@code docs/configuration.md}; each is checked when the routes are read.
 */
public final class BuiltInTasks {
  private BuiltInTasks() {}

  /** A registry holding every built-in task; add custom ones to it. */
  public static TaskRegistry registry() {
    return new TaskRegistry()
        .register("commit-status", CommitStatusTask::new)
        .register("check-run", CheckRunTask::new)
        .register("comment", CommentTask::new)
        .register("label", LabelTask::new)
        .register("dispatch-workflow", DispatchWorkflowTask::new)
        .register("repository-dispatch", RepositoryDispatchTask::new)
        .register("log", LogTask::new);
  }
}
