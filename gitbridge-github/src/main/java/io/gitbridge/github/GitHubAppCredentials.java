package io.gitbridge.github;

import static java.util.Objects.requireNonNull;

import io.gitbridge.github.internal.PemPrivateKeys;

/**
 * What authenticates GitBridge as a GitHub App: the App's id (or its client id, which GitHub now
 * recommends as the JWT issuer) and its private key as GitHub hands it out, a PEM text in PKCS#1
 * ({@code BEGIN RSA PRIVATE KEY}) or PKCS#8 ({@code BEGIN PRIVATE KEY}) form.
 *
 * <p>The key is checked when {@link OkHttpGitHubApi.Builder#build()} runs, or earlier by {@link
 * #checkPrivateKey()} (configuration checks). {@link #toString()} never shows the key.
 *
 * @param appId the App id ({@code 123456}) or client id ({@code Iv23li...}); not blank
 * @param privateKeyPem the App's private key in PEM form; not blank
 */
public record GitHubAppCredentials(String appId, String privateKeyPem) {
  public GitHubAppCredentials {
    requireNonNull(appId, "appId == null");
    requireNonNull(privateKeyPem, "privateKeyPem == null");
    if (appId.isBlank()) {
      throw new IllegalArgumentException("appId is blank");
    }
    if (privateKeyPem.isBlank()) {
      throw new IllegalArgumentException("privateKeyPem is blank");
    }
  }

  /**
   * Reads the key now, so that a configuration check can report a bad one before anything starts.
   *
   * @throws IllegalArgumentException when the text holds no unencrypted RSA private key in PEM
   *     form; the message never quotes the key
   */
  public void checkPrivateKey() {
    PemPrivateKeys.parse(privateKeyPem);
  }

  @Override
  public String toString() {
    return "GitHubAppCredentials[appId=" + appId + ", privateKeyPem=<redacted>]";
  }
}
