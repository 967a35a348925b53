package io.gitbridge.core.health;

/**
 * One component's readiness, for {@code /readyz}: the queue, Redis, GitHub. Implementations answer
 * quickly (a cached result or a call bounded by a short timeout) and never throw.
 */
public interface HealthCheck {
  /** The component's name in the readiness report, for example {@code queue}. */
  String name();

  Health check();
}
