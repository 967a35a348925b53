package io.gitbridge.http.internal;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.gitbridge.core.InvalidPayloadException;
import io.gitbridge.core.queue.QueueUnavailableException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's one handler: finds the endpoint for a path, runs it, and is the one place where
 * exceptions become statuses. Paths match exactly, except one prefix (the admin API) that owns
 * every path under it. Unknown paths answer 404; an unexpected exception answers 500 without its
 * message, and is logged. Thread-safe.
 */
public final class Dispatcher implements HttpHandler {
  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  static final String RETRY_AFTER_UNAVAILABLE = "30";

  private final RequestGate gate;
  private final Map<String, Endpoint> exact;
  private final String prefix;
  private final Endpoint prefixed;

  /**
   * @param gate counts requests in progress; once closed, requests are answered 503
   * @param exact path to endpoint
   * @param prefix a path prefix ending in {@code /}, or {@code null} for none
   * @param prefixed the endpoint for every path under {@code prefix}
   */
  public Dispatcher(
      RequestGate gate, Map<String, Endpoint> exact, String prefix, Endpoint prefixed) {
    this.gate = requireNonNull(gate, "gate == null");
    this.exact = Map.copyOf(exact);
    this.prefix = prefix;
    this.prefixed = prefix == null ? null : requireNonNull(prefixed, "prefixed == null");
  }

  @Override
  public void handle(HttpExchange exchange) {
    boolean open = gate.enter();
    try {
      if (open) {
        answer(exchange);
      } else {
        turnAway(exchange);
      }
    } finally {
      gate.exit();
    }
  }

  private void answer(HttpExchange exchange) {
    Request request = new Request(exchange);
    Endpoint endpoint = find(request.path());
    Response response;
    try {
      if (endpoint == null) {
        throw HttpStatusException.notFound("not found");
      }
      response = endpoint.handle(request);
    } catch (Exception e) {
      response = responseFor(e, request);
    }
    try {
      send(exchange, response);
    } catch (IOException e) {
      log.debug("{} {}: could not send the answer: {}", request.method(), request.path(), e);
    } finally {
      exchange.close();
      if (endpoint != null) {
        endpoint.answered(request, response);
      }
    }
  }

  /** The server is stopping: ask the client to come back (GitHub redelivers on 5xx). */
  private static void turnAway(HttpExchange exchange) {
    try {
      send(
          exchange,
          Response.error(503, "shutting down")
              .withHeader("Retry-After", RETRY_AFTER_UNAVAILABLE)
              .withHeader("Connection", "close"));
    } catch (IOException e) {
      log.debug("could not turn a request away: {}", e.toString());
    } finally {
      exchange.close();
    }
  }

  private Endpoint find(String path) {
    Endpoint endpoint = exact.get(path);
    if (endpoint == null && prefix != null && path.startsWith(prefix)) {
      endpoint = prefixed;
    }
    return endpoint;
  }

  /** Maps an exception to the answer; no answer carries a stack trace or an unexpected message. */
  static Response responseFor(Exception e, Request request) {
    if (e instanceof HttpStatusException status) {
      Response response = Response.error(status.status(), status.getMessage());
      for (Map.Entry<String, String> h : status.headers().entrySet()) {
        response = response.withHeader(h.getKey(), h.getValue());
      }
      return response;
    }
    if (e instanceof QueueUnavailableException) {
      log.warn("{} {}: queue unavailable: {}", request.method(), request.path(), e.getMessage());
      return Response.error(503, "queue unavailable, retry later")
          .withHeader("Retry-After", RETRY_AFTER_UNAVAILABLE);
    }
    if (e instanceof InvalidPayloadException) {
      // the core's payload messages are written to be shown (they name the field, never a secret)
      return Response.error(409, e.getMessage());
    }
    log.error("{} {} failed", request.method(), request.path(), e);
    return Response.error(500, "internal error");
  }

  private static void send(HttpExchange exchange, Response response) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", response.contentType());
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    response.headers().forEach(exchange.getResponseHeaders()::set);
    // a HEAD answer has headers only; the JDK server refuses a body for it
    byte[] body = "HEAD".equals(exchange.getRequestMethod()) ? new byte[0] : response.body();
    exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
