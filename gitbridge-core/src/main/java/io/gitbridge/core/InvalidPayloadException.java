package io.gitbridge.core;

/** A webhook body that is not JSON, or not of the basic shape its event type needs. */
public final class InvalidPayloadException extends GitBridgeException {
  private static final long serialVersionUID = 1L;

  public InvalidPayloadException(String message) {
    super(message);
  }

  public InvalidPayloadException(String message, Throwable cause) {
    super(message, cause);
  }
}
