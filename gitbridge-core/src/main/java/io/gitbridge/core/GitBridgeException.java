package io.gitbridge.core;

/**
 * The one unchecked root of every exception GitBridge throws across a port.
 *
 * <p>Adapters translate their vendor's exceptions (Jedis, OkHttp, I/O) into a subclass of this one,
 * so callers never need to know which adapter is wired in. Messages never contain a secret or a
 * token.
 */
public class GitBridgeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public GitBridgeException(String message) {
    super(message);
  }

  public GitBridgeException(String message, Throwable cause) {
    super(message, cause);
  }
}
