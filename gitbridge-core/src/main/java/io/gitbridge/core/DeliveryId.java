package io.gitbridge.core;

import static java.util.Objects.requireNonNull;

/**
 * GitHub's {@code X-GitHub-Delivery} header: the identity of one delivery, and the key the queue
 * deduplicates on.
 *
 * <p>GitHub sends a GUID; a redelivery of the same event reuses it. We accept any visible ASCII of
 * 1 to 128 characters so that GitHub Enterprise and test tools work, and refuse anything else
 * because the id ends up in Redis keys, log lines and URLs.
 */
public record DeliveryId(String value) {
  /** Longest id accepted; GitHub's GUIDs are 36 characters. */
  public static final int MAX_LENGTH = 128;

  public DeliveryId {
    requireNonNull(value, "value == null");
    if (!isValid(value)) {
      throw new IllegalArgumentException("delivery id must be 1 to 128 visible ASCII characters");
    }
  }

  /** Whether {@code candidate} would make a valid id; never throws. */
  public static boolean isValid(String candidate) {
    if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < candidate.length(); i++) {
      char c = candidate.charAt(i);
      if (c <= 0x20 || c >= 0x7f || c == '/' || c == '?' || c == '#' || c == '%') {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return value;
  }
}
