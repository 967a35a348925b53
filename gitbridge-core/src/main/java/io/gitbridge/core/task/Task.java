package io.gitbridge.core.task;

/**
 * One step of a chain: does its part for an event, then calls {@link TaskChain#proceed()} to let
 * the rest of the chain run, the way an OkHttp interceptor does.
 *
 * <p>Calling {@code proceed()} means "my side effect is done": the chain checkpoints there, so a
 * retry of the event resumes after this step and never repeats it. A step that returns without
 * proceeding ends the chain (for example a condition that is not met). A step may throw: a
 * retryable {@link io.gitbridge.core.github.GitHubApiException} or any other runtime exception
 * retries the event, a non-retryable one dead-letters it.
 *
 * <p>One instance serves every event and may run on several workers at once: keep it stateless.
 */
@FunctionalInterface
public interface Task {
  TaskResult run(TaskChain chain);
}
