package io.gitbridge.core.queue;

import java.util.Locale;

/** The places an event can be, as the admin API and the metrics name them. */
public enum QueueSection {
  READY,
  IN_FLIGHT,
  RETRY,
  DEAD,
  QUARANTINE;

  /** The lowercase name used in URLs, metrics labels and config: {@code in_flight}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@link #label()}; throws {@link IllegalArgumentException} naming the choices. */
  public static QueueSection fromLabel(String label) {
    for (QueueSection s : values()) {
      if (s.label().equals(label)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown queue section '" + label + "' (ready, in_flight, retry, dead, quarantine)");
  }
}
