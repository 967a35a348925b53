package io.gitbridge.core;

import static java.util.Objects.requireNonNull;

import io.gitbridge.core.github.GitHubEndpoint;
import io.gitbridge.core.ingest.IngestOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What {@link GitBridgeListener#all} returns: fans every call out to its listeners, in order. */
final class CompositeListener implements GitBridgeListener {
  private static final Logger log = LoggerFactory.getLogger(CompositeListener.class);

  private final List<GitBridgeListener> listeners;

  private CompositeListener(List<GitBridgeListener> listeners) {
    this.listeners = listeners;
  }

  static GitBridgeListener of(GitBridgeListener... listeners) {
    requireNonNull(listeners, "listeners == null");
    List<GitBridgeListener> told = new ArrayList<>(listeners.length);
    for (int i = 0; i < listeners.length; i++) {
      GitBridgeListener listener = requireNonNull(listeners[i], "listeners[" + i + "] == null");
      if (listener != NOOP) {
        told.add(listener);
      }
    }
    return switch (told.size()) {
      case 0 -> NOOP;
      case 1 -> told.get(0);
      default -> new CompositeListener(List.copyOf(told));
    };
  }

  @Override
  public void webhookReceived(String eventType, IngestOutcome outcome) {
    tellEach("webhookReceived", l -> l.webhookReceived(eventType, outcome));
  }

  @Override
  public void eventProcessed(String eventType, ProcessOutcome outcome, Duration sinceReceived) {
    tellEach("eventProcessed", l -> l.eventProcessed(eventType, outcome, sinceReceived));
  }

  @Override
  public void gitHubRequest(GitHubEndpoint endpoint, int status) {
    tellEach("gitHubRequest", l -> l.gitHubRequest(endpoint, status));
  }

  @Override
  public void failoverChanged(boolean active) {
    tellEach("failoverChanged", l -> l.failoverChanged(active));
  }

  private void tellEach(String method, Consumer<GitBridgeListener> call) {
    for (GitBridgeListener listener : listeners) {
      try {
        call.accept(listener);
      } catch (RuntimeException e) {
        log.warn(
            "listener {} threw from {}: {}", listener.getClass().getName(), method, e.toString());
      }
    }
  }

  @Override
  public String toString() {
    return "GitBridgeListener.all" + listeners;
  }
}
