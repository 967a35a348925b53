package io.gitbridge.github.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Reads GitHub's rate-limit signals from an answer, following "Best practices for using the REST
 * API": {@code retry-after} first, then an exhausted primary limit ({@code x-ratelimit-remaining:
 * 0} until {@code x-ratelimit-reset}), else a secondary limit without a hint, which wants at least
 * a minute, longer each time it repeats.
 */
public final class RateLimits {
  /** The least wait after a secondary limit that gave no hint. */
  public static final Duration SECONDARY_MINIMUM = Duration.ofMinutes(1);

  /** The longest back-off a repeating secondary limit grows to (2^5 minutes). */
  private static final int MAX_DOUBLINGS = 5;

  private RateLimits() {}

  /** Whether the answer says "slow down" rather than "no". */
  public static boolean isRateLimited(Answer answer) {
    if (answer.status() == 429) {
      return true;
    }
    if (answer.status() != 403) {
      return false;
    }
    return answer.header("retry-after") != null
        || exhaustedUntil(answer) != null
        || ErrorMessages.message(answer).toLowerCase(Locale.ROOT).contains("rate limit");
  }

  /**
   * How long to wait after a rate-limited answer.
   *
   * @param strikes how many secondary limits without a hint came before this one in a row
   */
  public static Duration waitAfter(Answer answer, Instant now, int strikes) {
    Duration retryAfter = retryAfter(answer);
    if (retryAfter != null) {
      return retryAfter;
    }
    Instant reset = exhaustedUntil(answer);
    if (reset != null) {
      return reset.isAfter(now) ? Duration.between(now, reset) : Duration.ZERO;
    }
    return SECONDARY_MINIMUM.multipliedBy(1L << Math.min(strikes, MAX_DOUBLINGS));
  }

  /** Whether the wait came from a hint in the headers rather than the secondary-limit back-off. */
  public static boolean hinted(Answer answer) {
    return retryAfter(answer) != null || exhaustedUntil(answer) != null;
  }

  /** The {@code retry-after} seconds, or {@code null} when absent or not a number of seconds. */
  public static Duration retryAfter(Answer answer) {
    Long seconds = parse(answer.header("retry-after"));
    return seconds == null || seconds < 0 ? null : Duration.ofSeconds(seconds);
  }

  /** When the primary limit resets if it is exhausted now, else {@code null}. */
  public static Instant exhaustedUntil(Answer answer) {
    Long remaining = parse(answer.header("x-ratelimit-remaining"));
    Long reset = parse(answer.header("x-ratelimit-reset"));
    return remaining != null && remaining == 0 && reset != null
        ? Instant.ofEpochSecond(reset)
        : null;
  }

  private static Long parse(String value) {
    if (value == null) {
      return null;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
