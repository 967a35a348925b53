package io.gitbridge.http.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Keeps a label's values few: the {@code event} label comes from a request header, and an unsigned
 * request may carry any value. Values that do not look like an event name, and new values once
 * {@code max} are known, become {@link #OTHER}, so nobody can grow the registry without bound.
 * Thread-safe; under contention a few more than {@code max} values may be admitted.
 */
public final class BoundedLabels {
  public static final String OTHER = "other";

  private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,64}");

  private final int max;
  private final Set<String> known = ConcurrentHashMap.newKeySet();

  public BoundedLabels(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max < 1: " + max);
    }
    this.max = max;
  }

  /** {@code value} if it may be a label, else {@link #OTHER}. */
  public String label(String value) {
    if (value == null || !NAME.matcher(value).matches()) {
      return OTHER;
    }
    if (known.contains(value)) {
      return value;
    }
    if (known.size() >= max) {
      return OTHER;
    }
    known.add(value);
    return value;
  }
}
