package io.gitbridge.github.internal;

import static java.util.Objects.requireNonNull;

import java.time.Clock;

/** Authenticates as the GitHub App itself, with a fresh JWT per request. */
public final class AppJwtCredential implements Credential {
  private final AppJwt jwt;
  private final Clock clock;

  public AppJwtCredential(AppJwt jwt, Clock clock) {
    this.jwt = requireNonNull(jwt, "jwt == null");
    this.clock = requireNonNull(clock, "clock == null");
  }

  @Override
  public String name() {
    return "app";
  }

  @Override
  public String authorization() {
    return "Bearer " + jwt.create(clock.instant());
  }
}
