package io.gitbridge.core.ingest;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * GitHub's {@code X-Hub-Signature-256}: {@code sha256=} and the hex HMAC-SHA256 of the exact body
 * bytes, keyed with the webhook secret.
 *
 * <p>Several secrets may be valid at once so that a secret can be rotated without losing
 * deliveries: add the new one, change it on GitHub, then drop the old one. Verification compares in
 * constant time against every secret, so timing reveals neither which secret matched nor how close
 * a wrong signature was. Immutable and thread-safe.
 */
public final class WebhookSignature {
  /** The header GitHub signs with. */
  public static final String HEADER = "X-Hub-Signature-256";

  private static final String PREFIX = "sha256=";
  private static final String ALGORITHM = "HmacSHA256";

  private final List<SecretKeySpec> keys;

  /**
   * @param secrets one or more secrets, none blank
   * @throws IllegalArgumentException if there is none or one is blank
   */
  public WebhookSignature(List<String> secrets) {
    requireNonNull(secrets, "secrets == null");
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("at least one webhook secret is needed");
    }
    this.keys =
        secrets.stream()
            .map(
                s -> {
                  if (s == null || s.isBlank()) {
                    throw new IllegalArgumentException("a webhook secret is blank");
                  }
                  return new SecretKeySpec(s.getBytes(StandardCharsets.UTF_8), ALGORITHM);
                })
            .toList();
  }

  /** The header value GitHub would send for {@code body} signed with {@code secret}. */
  public static String sign(String secret, byte[] body) {
    requireNonNull(secret, "secret == null");
    requireNonNull(body, "body == null");
    return PREFIX
        + HexFormat.of()
            .formatHex(
                hmac(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM), body));
  }

  /**
   * Whether {@code header} is a valid signature of {@code body} under any configured secret. {@code
   * null} or malformed headers are simply not valid.
   */
  public boolean verify(byte[] body, String header) {
    requireNonNull(body, "body == null");
    if (header == null || !header.startsWith(PREFIX) || header.length() != PREFIX.length() + 64) {
      return false;
    }
    byte[] presented;
    try {
      presented = HexFormat.of().parseHex(header, PREFIX.length(), header.length());
    } catch (IllegalArgumentException notHex) {
      return false;
    }
    boolean valid = false;
    for (SecretKeySpec key : keys) {
      // no early exit: every secret is always tried
      valid |= MessageDigest.isEqual(hmac(key, body), presented);
    }
    return valid;
  }

  private static byte[] hmac(SecretKeySpec key, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }
}
