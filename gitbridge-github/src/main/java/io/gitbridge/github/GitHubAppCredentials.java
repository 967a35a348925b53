package io.gitbridge.github;

import static java.util.Objects.requireNonNull;

/**
 * What authenticates GitBridge as a GitHub App: the App's id (or its client id, which GitHub now
 * recommends as the JWT issuer) and its private key as GitHub hands it out, a PEM text in PKCS#1
 * ({@code BEGIN RSA PRIVATE KEY}) or PKCS#8 ({@code BEGIN PRIVATE KEY}) form.
 *
 * <p>The key is checked when {@link OkHttpGitHubApi.Builder#build()} runs. {@link #toString()}
 * never shows the key.
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

  @Override
  public String toString() {
    return "GitHubAppCredentials[appId=" + appId + ", privateKeyPem=<redacted>]";
  }
}
