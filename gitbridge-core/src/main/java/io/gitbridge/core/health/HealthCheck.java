package io.gitbridge.core.health;

import static java.util.Objects.requireNonNull;

import java.util.function.Supplier;

/**
 * One component's readiness, for {@code /readyz}: the queue, Redis, GitHub. Implementations answer
 * quickly (a cached result or a call bounded by a short timeout) and never throw.
 */
public interface HealthCheck {
  /** The component's name in the readiness report, for example {@code queue}. */
  String name();

  Health check();

  /** A check named {@code name} that answers what {@code check} supplies. */
  static HealthCheck of(String name, Supplier<Health> check) {
    requireNonNull(name, "name == null");
    requireNonNull(check, "check == null");
    return new HealthCheck() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Health check() {
        return check.get();
      }
    };
  }
}
