package io.gitbridge.core.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * GitHub's successful answer to a {@link GitHubRequest}.
 *
 * @param status the 2xx status
 * @param body the parsed JSON body, or a {@link MissingNode} when there was none (204)
 */
public record GitHubResponse(int status, JsonNode body) {
  public GitHubResponse {
    if (body == null) {
      body = MissingNode.getInstance();
    }
  }
}
