package io.gitbridge.http.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Map;

/**
 * The admin API's two bearer tokens: admin (may change) and read (may only look). Tokens are kept
 * as SHA-256 digests and compared in constant time against both, so timing reveals neither the
 * token nor which role matched. Immutable and thread-safe.
 */
public final class BearerTokens {
  /** What a caller may do. */
  public enum Role {
    ADMIN,
    READ
  }

  private static final Map<String, String> CHALLENGE =
      Map.of("WWW-Authenticate", "Bearer realm=\"gitbridge\"");
  private static final String SCHEME = "bearer ";

  private final byte[] admin;
  private final byte[] read;

  /**
   * @param adminToken or {@code null} for none
   * @param readToken or {@code null} for none
   */
  public BearerTokens(String adminToken, String readToken) {
    this.admin = adminToken == null ? null : digest(adminToken);
    this.read = readToken == null ? null : digest(readToken);
  }

  /** Whether any token is set; without one the admin API is off. */
  public boolean enabled() {
    return admin != null || read != null;
  }

  /**
   * The role of the {@code Authorization} header's bearer token.
   *
   * @throws HttpStatusException 401 if the header is missing, not a bearer token, or matches none
   */
  public Role authenticate(String authorization) {
    if (authorization == null
        || authorization.length() <= SCHEME.length()
        || !authorization.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
      throw new HttpStatusException(401, "bearer token required", CHALLENGE);
    }
    byte[] presented = digest(authorization.substring(SCHEME.length()).trim());
    boolean isAdmin = admin != null && MessageDigest.isEqual(admin, presented);
    boolean isRead = read != null && MessageDigest.isEqual(read, presented);
    if (isAdmin) {
      return Role.ADMIN;
    }
    if (isRead) {
      return Role.READ;
    }
    throw new HttpStatusException(401, "invalid bearer token", CHALLENGE);
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
