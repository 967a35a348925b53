package io.gitbridge.core.task;

/** What a {@link Task} gets: the event's context, and the rest of the chain. */
public interface TaskChain {
  TaskContext context();

  /**
   * Marks the calling step done and runs the steps after it.
   *
   * @return the result of the rest of the chain, to be returned as is
   */
  TaskResult proceed();
}
