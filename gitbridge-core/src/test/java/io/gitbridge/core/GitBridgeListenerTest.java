package io.gitbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitbridge.core.github.GitHubEndpoint;
import io.gitbridge.core.ingest.IngestOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitBridgeListenerTest {
  /** Writes each call it gets into a shared log, prefixed with its name. */
  private static GitBridgeListener recording(String name, List<String> calls) {
    return new GitBridgeListener() {
      @Override
      public void webhookReceived(String eventType, IngestOutcome outcome) {
        calls.add(name + ":webhook " + eventType + " " + outcome.label());
      }

      @Override
      public void eventProcessed(String eventType, ProcessOutcome outcome, Duration since) {
        calls.add(name + ":processed " + eventType + " " + outcome.label() + " " + since);
      }

      @Override
      public void gitHubRequest(GitHubEndpoint endpoint, int status) {
        calls.add(name + ":github " + endpoint.label() + " " + status);
      }

      @Override
      public void failoverChanged(boolean active) {
        calls.add(name + ":failover " + active);
      }
    };
  }

  @Test
  void allTellsEveryListenerOfEveryCallInOrder() {
    List<String> calls = new ArrayList<>();
    GitBridgeListener both = GitBridgeListener.all(recording("a", calls), recording("b", calls));

    both.webhookReceived("push", IngestOutcome.REJECTED_FULL);
    both.eventProcessed("push", GitBridgeListener.ProcessOutcome.SUCCEEDED, Duration.ofSeconds(2));
    both.gitHubRequest(GitHubEndpoint.ADD_LABELS, 201);
    both.failoverChanged(true);

    assertThat(calls)
        .containsExactly(
            "a:webhook push rejected_full",
            "b:webhook push rejected_full",
            "a:processed push succeeded PT2S",
            "b:processed push succeeded PT2S",
            "a:github " + GitHubEndpoint.ADD_LABELS.label() + " 201",
            "b:github " + GitHubEndpoint.ADD_LABELS.label() + " 201",
            "a:failover true",
            "b:failover true");
  }

  @Test
  void aListenerThatThrowsDoesNotKeepTheCallFromTheOthers() {
    List<String> calls = new ArrayList<>();
    GitBridgeListener throwing =
        new GitBridgeListener() {
          @Override
          public void failoverChanged(boolean active) {
            throw new IllegalStateException("broken listener");
          }
        };
    GitBridgeListener all = GitBridgeListener.all(throwing, recording("b", calls));

    all.failoverChanged(false);

    assertThat(calls).containsExactly("b:failover false");
  }

  @Test
  void noneIsNoopAndOneIsItselfWithNoopsLeftOut() {
    GitBridgeListener one = recording("a", new ArrayList<>());

    assertThat(GitBridgeListener.all()).isSameAs(GitBridgeListener.NOOP);
    assertThat(GitBridgeListener.all(GitBridgeListener.NOOP)).isSameAs(GitBridgeListener.NOOP);
    assertThat(GitBridgeListener.all(GitBridgeListener.NOOP, one)).isSameAs(one);
    assertThat(GitBridgeListener.all(one, one).toString()).startsWith("GitBridgeListener.all[");
  }

  @Test
  void nullListenersAreRefusedNamingTheirPosition() {
    GitBridgeListener one = GitBridgeListener.NOOP;

    assertThatThrownBy(() -> GitBridgeListener.all(one, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("listeners[1] == null");
    assertThatThrownBy(() -> GitBridgeListener.all((GitBridgeListener[]) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("listeners == null");
  }
}
