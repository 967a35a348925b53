package io.gitbridge.core.health;

import static java.util.Objects.requireNonNull;

/**
 * A component's state.
 *
 * @param status up, degraded (working, but not as configured: for example on the failover queue),
 *     or down
 * @param detail a short, safe explanation
 */
public record Health(Status status, String detail) {
  /** Ordered from best to worst, so the worst of several is the maximum. */
  public enum Status {
    UP,
    DEGRADED,
    DOWN
  }

  public Health {
    requireNonNull(status, "status == null");
    requireNonNull(detail, "detail == null");
  }

  public static Health up(String detail) {
    return new Health(Status.UP, detail);
  }

  public static Health degraded(String detail) {
    return new Health(Status.DEGRADED, detail);
  }

  public static Health down(String detail) {
    return new Health(Status.DOWN, detail);
  }
}
