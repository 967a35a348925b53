package io.gitbridge.redis;

import io.gitbridge.core.queue.QueueSection;
import java.util.regex.Pattern;

/**
 * The cursors {@code browse.lua} hands out: a stream entry id for ready events, an offset for in
 * flight and retry, a sequence number for dead letters and quarantine.
 */
final class BrowseCursor {
  private static final Pattern STREAM_ID = Pattern.compile("\\d{1,20}-\\d{1,20}");
  private static final Pattern NUMBER = Pattern.compile("\\d{1,18}");

  private BrowseCursor() {}

  static boolean isValid(QueueSection section, String cursor) {
    return (section == QueueSection.READY ? STREAM_ID : NUMBER).matcher(cursor).matches();
  }
}
