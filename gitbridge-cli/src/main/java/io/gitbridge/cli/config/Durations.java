package io.gitbridge.cli.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations as the configuration writes them: {@code 500ms}, {@code 30s}, {@code 5m}, {@code
 * 1h}, {@code 2d}, combinations such as {@code 1m30s}, or a plain whole number of seconds.
 */
public final class Durations {
  private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:ms|s|m|h|d))+");
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private Durations() {}

  /**
   * @throws IllegalArgumentException if {@code text} is not a duration
   */
  public static Duration parse(String text) {
    String trimmed = text.trim();
    if (trimmed.matches("\\d{1,12}")) {
      return Duration.ofSeconds(Long.parseLong(trimmed));
    }
    if (!WHOLE.matcher(trimmed).matches()) {
      throw new IllegalArgumentException("not a duration: " + text);
    }
    Duration total = Duration.ZERO;
    Matcher part = PART.matcher(trimmed);
    try {
      while (part.find()) {
        long amount = Long.parseLong(part.group(1));
        total = total.plus(unit(part.group(2)).multipliedBy(amount));
      }
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("duration too long: " + text, e);
    }
    return total;
  }

  private static Duration unit(String unit) {
    switch (unit) {
      case "ms":
        return Duration.ofMillis(1);
      case "s":
        return Duration.ofSeconds(1);
      case "m":
        return Duration.ofMinutes(1);
      case "h":
        return Duration.ofHours(1);
      default:
        return Duration.ofDays(1);
    }
  }
}
