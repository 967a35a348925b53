package io.gitbridge.github.internal;

/** What a request is authenticated with. Implementations are thread-safe. */
public interface Credential {
  /**
   * Names the credential for pacing and messages ({@code token}, {@code app}, {@code installation
   * 42}); never the secret itself.
   */
  String name();

  /** The {@code Authorization} header value; may call GitHub to get a fresh token. */
  String authorization();

  /**
   * GitHub refused the credential (401). Drops what is cached and returns whether asking again may
   * help.
   */
  default boolean refresh() {
    return false;
  }
}
