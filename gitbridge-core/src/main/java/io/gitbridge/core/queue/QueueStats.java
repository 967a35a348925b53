package io.gitbridge.core.queue;

/** How many entries each section holds at one moment. */
public record QueueStats(long ready, long inFlight, long retry, long dead, long quarantine) {
  /** Events that count against {@code max_size}: ready, in flight and waiting to retry. */
  public long live() {
    return ready + inFlight + retry;
  }

  public long count(QueueSection section) {
    return switch (section) {
      case READY -> ready;
      case IN_FLIGHT -> inFlight;
      case RETRY -> retry;
      case DEAD -> dead;
      case QUARANTINE -> quarantine;
    };
  }
}
