package io.gitbridge.http;

import io.gitbridge.core.GitBridgeException;

/** The server could not listen on its address: the port is taken, or the host is not local. */
public final class ServerStartException extends GitBridgeException {
  private static final long serialVersionUID = 1L;

  private final String host;
  private final int port;

  public ServerStartException(String host, int port, Throwable cause) {
    super("cannot listen on " + host + ":" + port + ": " + cause.getMessage(), cause);
    this.host = host;
    this.port = port;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }
}
