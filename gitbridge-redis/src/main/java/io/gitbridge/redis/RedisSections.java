package io.gitbridge.redis;

import static java.util.Objects.requireNonNull;

import io.gitbridge.core.DeliveryId;
import io.gitbridge.core.InvalidPayloadException;
import io.gitbridge.core.WebhookEvent;
import io.gitbridge.core.queue.Page;
import io.gitbridge.core.queue.QueueEntry;
import io.gitbridge.core.queue.QueueSection;
import io.gitbridge.core.queue.QueueStats;
import io.gitbridge.redis.RedisScripts.Script;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's side of {@link RedisEventQueue}: counting, browsing, finding, requeueing, deleting
 * and purging entries, each one Lua script. Kept apart from the workers' side (offer, lease,
 * settle), which it shares only the keys and scripts with.
 */
final class RedisSections {
  private final RedisScripts scripts;
  private final RedisKeys keys;
  private final Clock clock;
  private final Duration dedupeWindow;

  RedisSections(RedisScripts scripts, RedisKeys keys, Clock clock, Duration dedupeWindow) {
    this.scripts = scripts;
    this.keys = keys;
    this.clock = clock;
    this.dedupeWindow = dedupeWindow;
  }

  public QueueStats stats() {
    List<?> c = RedisReplies.list(scripts.run(Script.STATS, keys.all(), List.of()));
    return new QueueStats(
        RedisReplies.number(c.get(0)),
        RedisReplies.number(c.get(1)),
        RedisReplies.number(c.get(2)),
        RedisReplies.number(c.get(3)),
        RedisReplies.number(c.get(4)));
  }

  Page browse(QueueSection section, String cursor, int limit) {
    requireNonNull(section, "section == null");
    if (limit < 1) {
      throw new IllegalArgumentException("limit < 1: " + limit);
    }
    String from = cursor == null ? "" : cursor;
    if (!from.isEmpty() && !BrowseCursor.isValid(section, from)) {
      throw new IllegalArgumentException("not a cursor of this queue: " + cursor);
    }
    List<?> reply =
        RedisReplies.list(
            scripts.run(
                Script.BROWSE,
                keys.all(),
                List.of(keys.prefix, keys.group, section.label(), from, Integer.toString(limit))));
    List<QueueEntry> entries = new ArrayList<>();
    for (int i = 1; i + 1 < reply.size(); i += 2) {
      Map<String, String> fields = RedisReplies.hash(reply.get(i + 1));
      if (!fields.isEmpty()) {
        entries.add(RedisReplies.entry(RedisReplies.text(reply.get(i)), fields));
      }
    }
    String next = RedisReplies.text(reply.get(0));
    return new Page(entries, next.isEmpty() ? null : next);
  }

  Optional<QueueEntry> find(DeliveryId deliveryId) {
    requireNonNull(deliveryId, "deliveryId == null");
    Map<String, String> fields =
        RedisReplies.hash(
            scripts.run(
                Script.FIND,
                List.of(keys.event(deliveryId.value())),
                List.of(keys.prefix, deliveryId.value())));
    return fields.isEmpty()
        ? Optional.empty()
        : Optional.of(RedisReplies.entry(deliveryId.value(), fields));
  }

  boolean requeue(DeliveryId deliveryId) {
    requireNonNull(deliveryId, "deliveryId == null");
    long moved = requeue(deliveryId, false);
    if (moved >= 0) {
      return moved == 1;
    }
    QueueEntry quarantined = find(deliveryId).orElse(null);
    if (quarantined == null) {
      return false;
    }
    try {
      new WebhookEvent(
          deliveryId, quarantined.type(), quarantined.body(), quarantined.receivedAt());
    } catch (InvalidPayloadException invalid) {
      throw new InvalidPayloadException(
          "quarantined " + deliveryId + " still cannot be processed: " + invalid.getMessage());
    }
    return requeue(deliveryId, true) == 1;
  }

  private long requeue(DeliveryId deliveryId, boolean bodyChecked) {
    return RedisReplies.number(
        scripts.run(
            Script.REQUEUE,
            List.of(keys.ready, keys.retry, keys.dead, keys.quarantine),
            List.of(
                keys.prefix,
                keys.group,
                deliveryId.value(),
                Long.toString(clock.millis()),
                Long.toString(dedupeWindow.toMillis()),
                bodyChecked ? "1" : "0")));
  }

  boolean delete(DeliveryId deliveryId) {
    requireNonNull(deliveryId, "deliveryId == null");
    return RedisReplies.number(
            scripts.run(
                Script.DELETE,
                List.of(keys.ready, keys.retry, keys.dead, keys.quarantine),
                List.of(keys.prefix, deliveryId.value())))
        == 1;
  }

  long purge(QueueSection section) {
    requireNonNull(section, "section == null");
    if (section == QueueSection.IN_FLIGHT) {
      throw new IllegalArgumentException("events in flight cannot be purged");
    }
    return RedisReplies.number(
        scripts.run(
            Script.PURGE,
            List.of(keys.ready, keys.retry, keys.dead, keys.quarantine),
            List.of(keys.prefix, keys.group, section.label())));
  }
}
