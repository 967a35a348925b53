package io.gitbridge.core.task;

import static java.util.Objects.requireNonNull;

import io.gitbridge.core.WebhookEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Which events get which steps: matches an event by {@code type}, {@code type.action} or {@code
 * "*"}, and optionally a {@link Condition} on the payload.
 *
 * <p>Immutable. Build one with {@link #on(String...)}:
 *
 * <pre>{@code
 * Route.on("pull_request.opened").when(cond).step("greet", greetTask).build()
 * }</pre>
 */
public final class Route {
  private final List<String> on;
  private final Condition condition;
  private final List<Step> steps;

  private Route(List<String> on, Condition condition, List<Step> steps) {
    this.on = on;
    this.condition = condition;
    this.steps = steps;
  }

  /** Starts a route for events of any of {@code patterns}. */
  public static Builder on(String... patterns) {
    return new Builder(List.of(patterns));
  }

  /** Starts a route for events of any of {@code patterns}. */
  public static Builder on(List<String> patterns) {
    return new Builder(patterns);
  }

  public List<String> patterns() {
    return on;
  }

  public List<Step> steps() {
    return steps;
  }

  /** Whether this route applies to {@code event}. */
  public boolean matches(WebhookEvent event) {
    boolean typeMatches = false;
    for (String pattern : on) {
      if (pattern.equals("*")
          || pattern.equals(event.type())
          || pattern.equals(event.qualifiedType())) {
        typeMatches = true;
        break;
      }
    }
    return typeMatches && condition.test(event);
  }

  /** Collects a route; {@link #build()} checks it. */
  public static final class Builder {
    private final List<String> on;
    private Condition condition = Condition.ALWAYS;
    private final List<Step> steps = new ArrayList<>();

    private Builder(List<String> on) {
      this.on = List.copyOf(requireNonNull(on, "on == null"));
    }

    /** Adds a condition; several are and-ed. */
    public Builder when(Condition condition) {
      requireNonNull(condition, "condition == null");
      this.condition =
          this.condition == Condition.ALWAYS ? condition : this.condition.and(condition);
      return this;
    }

    public Builder step(String name, Task task) {
      steps.add(new Step(name, task));
      return this;
    }

    public Route build() {
      if (on.isEmpty()) {
        throw new IllegalArgumentException("a route needs at least one event in 'on'");
      }
      for (String pattern : on) {
        if (pattern == null || pattern.isBlank()) {
          throw new IllegalArgumentException("an event pattern in 'on' is blank");
        }
      }
      if (steps.isEmpty()) {
        throw new IllegalArgumentException("a route needs at least one task");
      }
      return new Route(on, condition, List.copyOf(steps));
    }
  }
}
