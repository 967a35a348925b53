package io.gitbridge.redis;

import static java.util.Objects.requireNonNull;

import io.gitbridge.core.DeliveryId;
import io.gitbridge.core.WebhookEvent;
import io.gitbridge.core.queue.QuarantinedDelivery;
import io.gitbridge.core.queue.QueueUnavailableException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The failover queue's append-only journal on local disk: every event accepted while Redis is away
 * is written here and fsync'd before the offer returns, so a crash (even {@code kill -9}) during an
 * outage loses nothing. Later lines record checkpoints and events that are settled (done in memory,
 * or handed to Redis); {@link #pending()} replays what is not settled.
 *
 * <p>One record per line, fields separated by a space, free text in Base64:
 *
 * <pre>
 * A id type received body        accepted event
 * Q id type received body reason quarantined delivery
 * C id steps                     checkpoint (not fsync'd: losing one repeats a step, at worst)
 * S id                           settled
 * </pre>
 *
 * A torn last line (a crash mid-write) is ignored. Thread-safe: appends are serialized, and an
 * accepted record's fsync runs outside the lock so that concurrent offers share one flush.
 */
final class EventSpool implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EventSpool.class);
  private static final Base64.Encoder B64 = Base64.getEncoder();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  private final Path file;
  private FileChannel channel;

  EventSpool(Path file) {
    this.file = requireNonNull(file, "file == null").toAbsolutePath();
  }

  /** A spooled record that is not settled. */
  record Pending(WebhookEvent event, QuarantinedDelivery quarantined, int completedSteps) {
    DeliveryId deliveryId() {
      return event != null ? event.deliveryId() : quarantined.deliveryId();
    }
  }

  Path file() {
    return file;
  }

  /** Journals an accepted event; {@link #sync()} then forces it to disk. */
  void appendAccepted(WebhookEvent e) {
    write(
        "A "
            + e.deliveryId()
            + " "
            + b64(e.type())
            + " "
            + e.receivedAt()
            + " "
            + b64(e.body())
            + "\n");
  }

  /** Forces what was written so far to disk; concurrent callers share the flush. */
  void sync() {
    FileChannel current;
    synchronized (this) {
      current = channel;
    }
    if (current != null) {
      force(current);
    }
  }

  /** Journals a quarantined delivery and forces it to disk before returning. */
  void appendQuarantined(QuarantinedDelivery d) {
    String line =
        "Q "
            + d.deliveryId()
            + " "
            + b64(d.type())
            + " "
            + d.receivedAt()
            + " "
            + b64(d.body())
            + " "
            + b64(d.reason())
            + "\n";
    force(write(line));
  }

  void appendCheckpoint(DeliveryId id, int completedSteps) {
    write("C " + id + " " + completedSteps + "\n");
  }

  void appendSettled(DeliveryId id) {
    write("S " + id + "\n");
  }

  /** Whether the spool file exists (an outage is under way or was not drained). */
  boolean exists() {
    return Files.exists(file);
  }

  /** Accepted or quarantined records not settled, oldest first, with their last checkpoint. */
  synchronized List<Pending> pending() {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    String content;
    try {
      content = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw unavailable("read", e);
    }
    // a last line without its newline was being written when the process died: its offer
    // never returned, so it was never accepted
    int end = content.lastIndexOf('\n');
    Map<String, Pending> open = new LinkedHashMap<>();
    for (String line : content.substring(0, end + 1).split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      try {
        apply(open, line.split(" ", -1));
      } catch (RuntimeException malformed) {
        log.warn("spool {}: skipping a malformed line ({})", file, malformed.toString());
      }
    }
    return new ArrayList<>(open.values());
  }

  private static void apply(Map<String, Pending> open, String[] f) {
    switch (f[0]) {
      case "A" ->
          open.put(
              f[1],
              new Pending(
                  new WebhookEvent(
                      new DeliveryId(f[1]), text(f[2]), text(f[4]), Instant.parse(f[3])),
                  null,
                  0));
      case "Q" ->
          open.put(
              f[1],
              new Pending(
                  null,
                  new QuarantinedDelivery(
                      new DeliveryId(f[1]),
                      text(f[2]),
                      text(f[4]),
                      text(f[5]),
                      Instant.parse(f[3])),
                  0));
      case "C" -> {
        Pending p = open.get(f[1]);
        if (p != null && p.event() != null) {
          int steps = Math.max(p.completedSteps(), Integer.parseInt(f[2]));
          open.put(f[1], new Pending(p.event(), null, steps));
        }
      }
      case "S" -> open.remove(f[1]);
      default -> throw new IllegalArgumentException("unknown record '" + f[0] + "'");
    }
  }

  /** Removes the file once everything in it is settled; the next append starts a new one. */
  synchronized void delete() {
    closeChannel();
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw unavailable("delete", e);
    }
  }

  @Override
  public synchronized void close() {
    closeChannel();
  }

  private synchronized FileChannel write(String line) {
    try {
      if (channel == null) {
        boolean created = !Files.exists(file);
        Files.createDirectories(file.getParent());
        channel =
            FileChannel.open(
                file,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        if (created) {
          syncDirectory();
        }
      }
      ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      return channel;
    } catch (IOException e) {
      throw unavailable("write", e);
    }
  }

  private void force(FileChannel written) {
    try {
      written.force(false);
    } catch (IOException e) {
      throw unavailable("fsync", e);
    }
  }

  /** Makes the new file's directory entry durable too (a no-op where directories can't sync). */
  private void syncDirectory() {
    try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      log.debug("spool {}: cannot fsync the directory: {}", file, e.toString());
    }
  }

  private void closeChannel() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        log.warn("spool {}: close failed: {}", file, e.toString());
      }
      channel = null;
    }
  }

  private QueueUnavailableException unavailable(String what, IOException e) {
    return new QueueUnavailableException("spool " + file + ": " + what + " failed: " + e, e);
  }

  private static String b64(String text) {
    return B64.encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String text(String b64) {
    return new String(B64D.decode(b64), StandardCharsets.UTF_8);
  }
}
