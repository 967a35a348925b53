package io.gitbridge.cli.config;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The {@code security:} section. Immutable. */
public record SecurityConfig(RateLimitConfig rateLimit) {
  public static final SecurityConfig DEFAULT = new SecurityConfig(RateLimitConfig.DEFAULT);

  static final List<String> KEYS = List.of("rate_limit");

  public SecurityConfig {
    requireNonNull(rateLimit, "rateLimit == null");
  }

  static SecurityConfig read(ConfigReader r) {
    r.mapping("security", KEYS);
    return new SecurityConfig(RateLimitConfig.read(r));
  }
}
