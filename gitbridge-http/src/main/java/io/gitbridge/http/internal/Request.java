package io.gitbridge.http.internal;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One exchange as the endpoints see it: method, path, query, headers, a bounded body, the peer. */
public final class Request {
  private final HttpExchange exchange;
  private final long startNanos;

  public Request(HttpExchange exchange) {
    this.exchange = requireNonNull(exchange, "exchange == null");
    this.startNanos = System.nanoTime();
  }

  public String method() {
    return exchange.getRequestMethod();
  }

  /** The raw (still percent-encoded) path. */
  public String path() {
    String path = exchange.getRequestURI().getRawPath();
    return path == null ? "" : path;
  }

  /** When the dispatcher received the request, in {@link System#nanoTime()} units. */
  public long startNanos() {
    return startNanos;
  }

  /** The first value of a header, or {@code null}. */
  public String header(String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  public Map<String, List<String>> headers() {
    return exchange.getRequestHeaders();
  }

  /** The declared {@code Content-Length}, or -1 when absent or not a number. */
  public long contentLength() {
    String value = header("Content-Length");
    if (value == null) {
      return -1;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Reads at most {@code max} bytes of the body: never more, whatever the client sends. */
  public byte[] readBody(int max) throws IOException {
    // not closed here: closing drains only 64 KiB, see discardBody; the exchange closes it
    return exchange.getRequestBody().readNBytes(max);
  }

  /**
   * Reads and throws away up to {@code cap} more bytes of the body. Answering before the client has
   * sent its whole body makes the socket close with unread data, which resets the connection and
   * can destroy the answer in flight: the client then sees an I/O error instead of our 413.
   */
  public void discardBody(long cap) throws IOException {
    InputStream in = exchange.getRequestBody();
    byte[] buffer = new byte[64 * 1024];
    long left = cap;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        return;
      }
      left -= n;
    }
  }

  public String peerAddress() {
    InetSocketAddress remote = exchange.getRemoteAddress();
    return remote == null || remote.getAddress() == null
        ? "unknown"
        : remote.getAddress().getHostAddress();
  }

  /**
   * The query parameters, decoded, first value of each.
   *
   * @throws HttpStatusException 400 if the query is not properly encoded
   */
  public Map<String, String> query() {
    Map<String, String> params = new LinkedHashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.putIfAbsent(decode(name), decode(value));
    }
    return params;
  }

  /** Throws 405 (with {@code Allow}) unless the method is one of {@code allowed}. */
  public void requireMethod(String... allowed) {
    if (!Arrays.asList(allowed).contains(method())) {
      throw HttpStatusException.methodNotAllowed(allowed);
    }
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new HttpStatusException(400, "malformed query string");
    }
  }
}
