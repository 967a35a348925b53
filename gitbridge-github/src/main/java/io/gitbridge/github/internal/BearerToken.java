package io.gitbridge.github.internal;

import static java.util.Objects.requireNonNull;

/** A personal access token (classic or fine-grained), sent as is. */
public final class BearerToken implements Credential {
  private final String token;

  public BearerToken(String token) {
    this.token = requireNonNull(token, "token == null");
  }

  /** Whether {@code token} can be sent in a header: visible ASCII, no spaces. */
  public static boolean isWellFormed(String token) {
    return !token.isEmpty() && token.chars().allMatch(c -> c > 0x20 && c < 0x7f);
  }

  @Override
  public String name() {
    return "token";
  }

  @Override
  public String authorization() {
    return "Bearer " + token;
  }

  @Override
  public String toString() {
    return "BearerToken[<redacted>]";
  }
}
