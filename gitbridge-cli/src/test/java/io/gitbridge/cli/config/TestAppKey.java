package io.gitbridge.cli.config;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Base64;

/** A GitHub App private key made for the test run, never committed: PKCS#8 PEM text. */
public final class TestAppKey {
  /** {@code BEGIN PRIVATE KEY}, with line breaks as in a key file. */
  public static final String PEM = generate();

  private TestAppKey() {}

  private static String generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
      String base64 =
          Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
      return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A line of the key's body, to check that no message quotes it. */
  public static String bodyLine() {
    return PEM.split("\n")[1];
  }
}
