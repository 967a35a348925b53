package io.gitbridge.core.task;

import io.gitbridge.core.GitBridgeException;

/** A template names a value the event does not have; the step cannot do what it was told. */
public final class TemplateException extends GitBridgeException {
  private static final long serialVersionUID = 1L;

  public TemplateException(String message) {
    super(message);
  }
}
