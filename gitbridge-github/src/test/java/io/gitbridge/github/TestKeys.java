package io.gitbridge.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;

/** An RSA key made for the test run (never committed) and its PEM forms, and a JWT checker. */
final class TestKeys {
  static final KeyPair KEY_PAIR = generate();

  private TestKeys() {}

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code BEGIN PRIVATE KEY}: the JDK's own encoding. */
  static String pkcs8Pem() {
    return pem("PRIVATE KEY", KEY_PAIR.getPrivate().getEncoded());
  }

  /**
   * {@code BEGIN RSA PRIVATE KEY}, as GitHub hands it out: the JDK's PKCS#8 encoding of a 2048-bit
   * key holds the PKCS#1 key after a fixed 26-byte header ending in an OCTET STRING tag.
   */
  static String pkcs1Pem() {
    byte[] pkcs8 = KEY_PAIR.getPrivate().getEncoded();
    assertThat(pkcs8[22]).as("OCTET STRING tag").isEqualTo((byte) 0x04);
    return pem("RSA PRIVATE KEY", Arrays.copyOfRange(pkcs8, 26, pkcs8.length));
  }

  private static String pem(String type, byte[] der) {
    String base64 =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
  }

  /** Checks the RS256 signature with the test's public key and returns the claims. */
  static JsonNode verifiedClaims(String jwt) throws Exception {
    return verifiedClaims(jwt, KEY_PAIR.getPublic());
  }

  static JsonNode verifiedClaims(String jwt, PublicKey key) throws Exception {
    String[] parts = jwt.split("\\.");
    assertThat(parts).hasSize(3);
    Base64.Decoder decoder = Base64.getUrlDecoder();
    ObjectMapper mapper = new ObjectMapper();
    JsonNode header = mapper.readTree(decoder.decode(parts[0]));
    assertThat(header.path("alg").asText()).isEqualTo("RS256");
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initVerify(key);
    rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(rsa.verify(decoder.decode(parts[2]))).as("signature verifies").isTrue();
    return mapper.readTree(decoder.decode(parts[1]));
  }
}
