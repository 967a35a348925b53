package io.gitbridge.core.tasks;

import io.gitbridge.core.task.Task;
import io.gitbridge.core.task.TaskChain;
import io.gitbridge.core.task.TaskOptions;
import io.gitbridge.core.task.TaskResult;
import io.gitbridge.core.task.Template;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code log}: writes a line to the {@code gitbridge.events} logger at INFO. Option: {@code
 * message} (default {@code "{{event}}.{{action}} {{delivery_id}}"}).
 */
final class LogTask implements Task {
  private static final Logger log = LoggerFactory.getLogger("gitbridge.events");

  private final Template message;

  LogTask(TaskOptions options) {
    this.message = options.template("message", "{{event}}.{{action}} {{delivery_id}}");
  }

  @Override
  public TaskResult run(TaskChain chain) {
    log.info("{}", chain.context().render(message));
    return chain.proceed();
  }
}
