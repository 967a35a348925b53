package io.gitbridge.cli.config;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The admin API's bearer tokens: {@code admin.token} may change things, {@code admin.read_token}
 * (optional) may only look. When neither the file nor {@code GITBRIDGE_ADMIN_TOKEN} gives a token,
 * one is generated and {@link #tokenGenerated()} says so, so that {@code serve} prints it once.
 * Immutable; {@link #toString()} hides the tokens.
 *
 * @param token never null or blank
 * @param readToken null when there is none
 */
public record AdminConfig(String token, String readToken, boolean tokenGenerated) {
  /** The environment variable read when {@code admin.token} is not set. */
  public static final String TOKEN_ENV = "GITBRIDGE_ADMIN_TOKEN";

  static final List<String> KEYS = List.of("token", "read_token");

  public AdminConfig {
    requireNonNull(token, "token == null");
    if (token.isBlank()) {
      throw new IllegalArgumentException("admin token is blank");
    }
    if (readToken != null && (readToken.isBlank() || readToken.equals(token))) {
      throw new IllegalArgumentException("read token must be non-blank and differ from the token");
    }
  }

  @Override
  public String toString() {
    return "AdminConfig{token=***, readToken="
        + (readToken == null ? "none" : "***")
        + ", tokenGenerated="
        + tokenGenerated
        + "}";
  }

  static AdminConfig read(ConfigReader r, Map<String, String> env, Supplier<String> generator) {
    r.mapping("admin", KEYS);
    String token = r.string("admin.token", null);
    if (token == null) {
      String fromEnv = env.get(TOKEN_ENV);
      token = fromEnv == null || fromEnv.isBlank() ? null : fromEnv;
    }
    boolean generated = token == null;
    if (generated) {
      token = generator.get();
    }
    String readToken = r.string("admin.read_token", null);
    if (readToken != null && readToken.equals(token)) {
      r.problem("admin.read_token", "must differ from admin.token");
      readToken = null;
    }
    return new AdminConfig(token, readToken, generated);
  }
}
