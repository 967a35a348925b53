package io.gitbridge.core.queue;

import java.util.List;

/**
 * One page of a browsed section.
 *
 * @param entries the entries, oldest first
 * @param nextCursor pass it back for the next page; {@code null} at the end
 */
public record Page(List<QueueEntry> entries, String nextCursor) {
  public Page {
    entries = List.copyOf(entries);
  }
}
