package io.gitbridge.cli.config;

import java.util.List;

/**
 * {@code security.rate_limit}: token buckets in front of the webhook endpoint, one per peer address
 * and one for all, refilled at the given requests per second and holding up to {@code burst}
 * requests. 0 turns a limit off. GitHub does not retry a delivery answered 429 on its own, so the
 * defaults are generous: they stop a flood, not a busy organisation. Immutable.
 */
public record RateLimitConfig(double perAddress, double global, int burst) {
  public static final double DEFAULT_PER_ADDRESS = 50;
  public static final double DEFAULT_GLOBAL = 200;
  public static final int DEFAULT_BURST = 100;
  public static final RateLimitConfig DEFAULT =
      new RateLimitConfig(DEFAULT_PER_ADDRESS, DEFAULT_GLOBAL, DEFAULT_BURST);

  static final List<String> KEYS = List.of("per_address", "global", "burst");

  /**
   * @throws IllegalArgumentException if a rate is negative or not finite, or the burst below 1
   */
  public RateLimitConfig {
    if (!(perAddress >= 0 && global >= 0) || Double.isInfinite(perAddress + global)) {
      throw new IllegalArgumentException("rates must be 0 or more requests per second");
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1, was " + burst);
    }
  }

  static RateLimitConfig read(ConfigReader r) {
    String at = "security.rate_limit";
    r.mapping(at, KEYS);
    return new RateLimitConfig(
        r.decimal(at + ".per_address", DEFAULT_PER_ADDRESS, 0),
        r.decimal(at + ".global", DEFAULT_GLOBAL, 0),
        r.wholeNumber(at + ".burst", DEFAULT_BURST, 1, Integer.MAX_VALUE));
  }
}
