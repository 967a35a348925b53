package io.gitbridge.github.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The JSON Web Token a GitHub App signs (RS256) to ask for installation tokens: issued a minute in
 * the past against clock drift, valid for less than GitHub's ten-minute maximum.
 */
public final class AppJwt {
  /** How far {@code iat} lies in the past. */
  public static final Duration BACKDATE = Duration.ofSeconds(60);

  /** How far {@code exp} lies in the future (GitHub allows at most 10 minutes). */
  public static final Duration LIFETIME = Duration.ofMinutes(9);

  private static final String HEADER = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");

  private final String issuer;
  private final PrivateKey key;

  public AppJwt(String issuer, PrivateKey key) {
    this.issuer = requireNonNull(issuer, "issuer == null");
    this.key = requireNonNull(key, "key == null");
  }

  /** A token issued at {@code now} (less the backdating). */
  public String create(Instant now) {
    ObjectNode claims = Answer.MAPPER.createObjectNode();
    claims.put("iat", now.minus(BACKDATE).getEpochSecond());
    claims.put("exp", now.plus(LIFETIME).getEpochSecond());
    if (issuer.chars().allMatch(Character::isDigit)) {
      claims.put("iss", Long.parseLong(issuer));
    } else {
      claims.put("iss", issuer);
    }
    String signingInput = HEADER + "." + encode(claims.toString());
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key);
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput
          + "."
          + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign the GitHub App JWT", e);
    }
  }

  private static String encode(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "AppJwt[iss=" + issuer + "]";
  }
}
