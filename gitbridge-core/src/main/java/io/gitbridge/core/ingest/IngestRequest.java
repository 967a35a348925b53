package io.gitbridge.core.ingest;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A webhook request as the core sees it, whatever server received it: headers (looked up without
 * regard to case), the body bytes exactly as received, and the peer address (for rate limits and
 * logs).
 *
 * <p>The HTTP adapter reads at most {@link WebhookIngestor#maxBodyBytes()} + 1 bytes, so a body
 * longer than the limit arrives here truncated but still too long, and is refused with 413.
 */
public final class IngestRequest {
  private final Map<String, String> headers;
  private final byte[] body;
  private final String peerAddress;

  /**
   * @param headers header name to its first value
   * @param body the body bytes; not copied, do not modify afterwards
   * @param peerAddress the client's address, for example {@code 127.0.0.1}
   */
  public IngestRequest(Map<String, String> headers, byte[] body, String peerAddress) {
    requireNonNull(headers, "headers == null");
    this.headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    this.headers.putAll(headers);
    this.body = requireNonNull(body, "body == null");
    this.peerAddress = requireNonNull(peerAddress, "peerAddress == null");
  }

  /** Builds from a multi-valued header map (as the JDK server gives it), keeping first values. */
  public static IngestRequest ofMultiValued(
      Map<String, List<String>> headers, byte[] body, String peerAddress) {
    Map<String, String> first = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(
        (name, values) -> {
          if (name != null && values != null && !values.isEmpty()) {
            first.putIfAbsent(name.toLowerCase(Locale.ROOT), values.get(0));
          }
        });
    return new IngestRequest(first, body, peerAddress);
  }

  /** The first value of a header, or {@code null}. */
  public String header(String name) {
    return headers.get(name);
  }

  public byte[] body() {
    return body;
  }

  public String peerAddress() {
    return peerAddress;
  }
}
