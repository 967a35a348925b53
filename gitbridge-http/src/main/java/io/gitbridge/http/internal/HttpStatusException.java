package io.gitbridge.http.internal;

import java.util.Map;

/**
 * Ends a request early with a client-error status; the {@link Dispatcher} turns it into the answer.
 * The message is shown to the client, so it must be safe (never a secret or a stack trace).
 */
public final class HttpStatusException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient Map<String, String> headers;

  public HttpStatusException(int status, String message) {
    this(status, message, Map.of());
  }

  public HttpStatusException(int status, String message, Map<String, String> headers) {
    super(message, null, false, false);
    this.status = status;
    this.headers = Map.copyOf(headers);
  }

  /** 405 with the {@code Allow} header listing what the path does accept. */
  public static HttpStatusException methodNotAllowed(String... allowed) {
    return new HttpStatusException(
        405, "method not allowed", Map.of("Allow", String.join(", ", allowed)));
  }

  public static HttpStatusException notFound(String what) {
    return new HttpStatusException(404, what);
  }

  public int status() {
    return status;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
