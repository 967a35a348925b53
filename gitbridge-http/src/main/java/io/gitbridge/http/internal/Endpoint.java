package io.gitbridge.http.internal;

import java.io.IOException;

/** One path's behaviour. Implementations are thread-safe: requests run on the server's pool. */
public interface Endpoint {
  /**
   * Answers one request.
   *
   * @throws HttpStatusException to answer a client error
   * @throws IOException if the request body cannot be read
   */
  Response handle(Request request) throws IOException;

  /** Called once the answer was sent (or failed to be), for timing. Must not throw. */
  default void answered(Request request, Response response) {}
}
