package io.gitbridge.github.internal;

import static java.util.Objects.requireNonNull;

/** Authenticates as one installation of a GitHub App, with its cached installation token. */
public final class InstallationCredential implements Credential {
  private final long installationId;
  private final InstallationTokens tokens;

  public InstallationCredential(long installationId, InstallationTokens tokens) {
    this.installationId = installationId;
    this.tokens = requireNonNull(tokens, "tokens == null");
  }

  @Override
  public String name() {
    return "installation " + installationId;
  }

  @Override
  public String authorization() {
    return "Bearer " + tokens.token(installationId);
  }

  @Override
  public boolean refresh() {
    tokens.invalidate(installationId);
    return true;
  }

  @Override
  public String toString() {
    return "InstallationCredential[" + installationId + "]";
  }
}
