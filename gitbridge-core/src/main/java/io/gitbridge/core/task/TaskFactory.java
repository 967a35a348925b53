package io.gitbridge.core.task;

/**
 * Makes a {@link Task} from its options in a route definition. Called once per step at start-up, so
 * that every option (and every template) is checked before the first event arrives.
 */
@FunctionalInterface
public interface TaskFactory {
  /**
   * @throws io.gitbridge.core.ConfigurationException naming the option (through {@link
   *     TaskOptions}) when one is missing or wrong
   */
  Task create(TaskOptions options);
}
