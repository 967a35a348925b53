package io.gitbridge.core.task;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** How a chain ended: a value, not an exception, so that the common outcomes are plain data. */
public sealed interface TaskResult
    permits TaskResult.Done, TaskResult.RetryLater, TaskResult.Failed {
  /** Every step finished; the event is acked. */
  record Done() implements TaskResult {}

  /**
   * Worth another try: the event is retried with backoff (and not before {@code notBefore}), from
   * the step that asked.
   */
  record RetryLater(String reason, Duration notBefore) implements TaskResult {
    public RetryLater {
      requireNonNull(reason, "reason == null");
      requireNonNull(notBefore, "notBefore == null");
    }
  }

  /** Will never succeed: the event is dead-lettered with the reason. */
  record Failed(String reason) implements TaskResult {
    public Failed {
      requireNonNull(reason, "reason == null");
    }
  }

  static TaskResult done() {
    return new Done();
  }

  static TaskResult retryLater(String reason) {
    return new RetryLater(reason, Duration.ZERO);
  }

  static TaskResult failed(String reason) {
    return new Failed(reason);
  }
}
