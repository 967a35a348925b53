package io.gitbridge.core.task;

import static java.util.Objects.requireNonNull;

/**
 * A named task in a chain; the name appears in logs and in dead-letter reasons.
 *
 * @param name for example {@code commit-status}
 * @param task what it does
 */
public record Step(String name, Task task) {
  public Step {
    requireNonNull(name, "name == null");
    requireNonNull(task, "task == null");
  }
}
