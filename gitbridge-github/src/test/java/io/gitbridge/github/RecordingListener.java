package io.gitbridge.github;

import io.gitbridge.core.GitBridgeListener;
import io.gitbridge.core.github.GitHubEndpoint;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps every {@code gitHubRequest} call as {@code label status}, for example {@code add_labels
 * 201}.
 */
final class RecordingListener implements GitBridgeListener {
  private final List<String> requests = new CopyOnWriteArrayList<>();

  @Override
  public void gitHubRequest(GitHubEndpoint endpoint, int status) {
    requests.add(endpoint.label() + " " + status);
  }

  List<String> requests() {
    return List.copyOf(requests);
  }
}
