package io.gitbridge.github;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitbridge.core.github.GitHubEndpoint;
import io.gitbridge.core.github.GitHubRequest;
import io.gitbridge.testkit.ManualClock;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A MockWebServer on 127.0.0.1 playing GitHub, a manual clock, and clients that get closed. */
abstract class GitHubServerTest {
  static final String TOKEN = "test-token-not-a-real-one-0123456789";
  static final ObjectMapper MAPPER = new ObjectMapper();

  final MockWebServer server = new MockWebServer();
  final ManualClock clock = new ManualClock();
  final RecordingSleeper sleeper = new RecordingSleeper(clock);
  final RecordingListener listener = new RecordingListener();
  private final List<OkHttpGitHubApi> clients = new ArrayList<>();

  @BeforeEach
  void startServer() throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stopServer() {
    clients.forEach(OkHttpGitHubApi::close);
    server.close();
  }

  /** A token client of the server, with the manual clock, recording sleeper and listener. */
  OkHttpGitHubApi.Builder builder() {
    return OkHttpGitHubApi.builder()
        .baseUrl(server.url("/").toString())
        .token(TOKEN)
        .clock(clock)
        .sleeper(sleeper)
        .listener(listener);
  }

  OkHttpGitHubApi api() {
    return track(builder().build());
  }

  OkHttpGitHubApi track(OkHttpGitHubApi api) {
    clients.add(api);
    return api;
  }

  RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(10, TimeUnit.SECONDS);
    if (request == null) {
      throw new AssertionError("GitHub received no request");
    }
    return request;
  }

  static GitHubRequest comment(String body) {
    ObjectNode json = MAPPER.createObjectNode().put("body", body);
    return new GitHubRequest(
        GitHubEndpoint.CREATE_ISSUE_COMMENT,
        Map.of("owner", "acme", "repo", "widgets", "issue_number", "7"),
        json);
  }

  static GitHubRequest removeLabel(String name) {
    return new GitHubRequest(
        GitHubEndpoint.REMOVE_LABEL,
        Map.of("owner", "acme", "repo", "widgets", "issue_number", "7", "name", name),
        null);
  }

  static GitHubRequest getUser() {
    return new GitHubRequest(GitHubEndpoint.GET_AUTHENTICATED_USER, Map.of(), null);
  }
}
