package io.gitbridge.core.tasks;

import java.net.URI;
import java.util.Map;

/**
 * The port the {@code forward} task posts through: one HTTP POST, answered with a status. The core
 * opens no socket; an adapter (the JDK client in {@code gitbridge-http}) does.
 *
 * <p>Implementations are thread-safe and bound each call by a timeout.
 */
@FunctionalInterface
public interface WebhookSender {
  /**
   * Posts {@code body} with {@code headers} to {@code url}.
   *
   * @return the HTTP status of the answer
   * @throws io.gitbridge.core.GitBridgeException if no answer came (refused, timed out)
   */
  int post(URI url, Map<String, String> headers, byte[] body);
}
