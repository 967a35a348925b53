package io.gitbridge.core.task;

import static java.util.Objects.requireNonNull;

import io.gitbridge.core.github.GitHubApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Runs a chain of steps from a given step, checkpointing after each one, and turns whatever a step
 * throws into a {@link TaskResult} naming the step.
 *
 * <p>The checkpoint for "n steps done" is recorded when step n-1 calls {@code proceed()}, before
 * step n starts: a crash after a step's side effect but before its {@code proceed()} is the only
 * way a step runs twice.
 *
 * <p>A runner may have a deadline, the end of the worker's lease: no step starts at or after it,
 * because another worker may take the event over then. The chain stops with a {@link
 * TaskResult.RetryLater} and the next attempt resumes at the step that did not start.
 */
public final class ChainRunner {
  private final List<Step> steps;
  private final IntConsumer checkpoint;
  private final Clock clock;
  private final Instant deadline;

  /**
   * @param steps the whole chain
   * @param checkpoint told the number of completed steps each time it grows
   */
  public ChainRunner(List<Step> steps, IntConsumer checkpoint) {
    this(steps, checkpoint, Clock.systemUTC(), Instant.MAX);
  }

  /**
   * @param deadline no step starts at or after it (read from {@code clock})
   */
  public ChainRunner(List<Step> steps, IntConsumer checkpoint, Clock clock, Instant deadline) {
    this.steps = List.copyOf(steps);
    this.checkpoint = requireNonNull(checkpoint, "checkpoint == null");
    this.clock = requireNonNull(clock, "clock == null");
    this.deadline = requireNonNull(deadline, "deadline == null");
  }

  /** Runs the steps from index {@code from} on. */
  public TaskResult run(TaskContext context, int from) {
    if (from >= steps.size()) {
      return TaskResult.done();
    }
    return new Link(context, from).runStep();
  }

  private final class Link implements TaskChain {
    private final TaskContext context;
    private final int index;
    private boolean proceeded;

    Link(TaskContext context, int index) {
      this.context = context.atStep(index);
      this.index = index;
    }

    @Override
    public TaskContext context() {
      return context;
    }

    /** Called by step {@code index}: marks it done and runs the next one. */
    @Override
    public TaskResult proceed() {
      if (proceeded) {
        throw new IllegalStateException("step " + describe(index) + " called proceed() twice");
      }
      proceeded = true;
      checkpoint.accept(index + 1);
      if (index + 1 >= steps.size()) {
        return TaskResult.done();
      }
      if (!clock.instant().isBefore(deadline)) {
        return TaskResult.retryLater(
            describe(index + 1) + " not started: the lease ends at " + deadline);
      }
      return new Link(context, index + 1).runStep();
    }

    TaskResult runStep() {
      Step step = steps.get(index);
      TaskResult result;
      try {
        result = step.task().run(this);
      } catch (GitHubApiException e) {
        return e.retryable()
            ? new TaskResult.RetryLater(describe(index) + ": " + e.getMessage(), e.retryAfter())
            : TaskResult.failed(describe(index) + ": " + e.getMessage());
      } catch (TemplateException e) {
        return TaskResult.failed(describe(index) + ": " + e.getMessage());
      } catch (RuntimeException e) {
        return TaskResult.retryLater(describe(index) + ": " + e);
      }
      if (result == null) {
        return TaskResult.failed(describe(index) + ": returned null");
      }
      return result;
    }
  }

  private String describe(int index) {
    return "step " + (index + 1) + " (" + steps.get(index).name() + ")";
  }
}
