package io.gitbridge.core.queue;

import io.gitbridge.core.GitBridgeException;

/** The queue's backing store cannot be reached or did not answer in time. */
public final class QueueUnavailableException extends GitBridgeException {
  private static final long serialVersionUID = 1L;

  public QueueUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  public QueueUnavailableException(String message) {
    super(message);
  }
}
