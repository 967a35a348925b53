package io.gitbridge.redis;

import io.gitbridge.core.DeliveryId;
import io.gitbridge.core.WebhookEvent;
import io.gitbridge.core.queue.Lease;
import io.gitbridge.core.queue.QueueEntry;
import io.gitbridge.core.queue.QueueSection;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns what the scripts answer into plain values. */
final class RedisReplies {
  private RedisReplies() {}

  static String text(Object reply) {
    if (reply instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    return String.valueOf(reply);
  }

  static long number(Object reply) {
    return reply instanceof Long l ? l : Long.parseLong(text(reply));
  }

  static List<?> list(Object reply) {
    return reply instanceof List<?> l ? l : List.of();
  }

  /** A flat {@code HGETALL} reply as a map. */
  static Map<String, String> hash(Object reply) {
    List<?> flat = list(reply);
    Map<String, String> fields = new HashMap<>();
    for (int i = 0; i + 1 < flat.size(); i += 2) {
      fields.put(text(flat.get(i)), text(flat.get(i + 1)));
    }
    return fields;
  }

  /** One leased event as {@code lease.lua} lists it. */
  static Lease lease(List<?> f) {
    WebhookEvent event =
        new WebhookEvent(
            new DeliveryId(text(f.get(0))),
            text(f.get(1)),
            text(f.get(2)),
            Instant.parse(text(f.get(3))));
    return new Lease(
        event,
        (int) number(f.get(4)),
        (int) number(f.get(5)),
        text(f.get(6)),
        Instant.ofEpochMilli(number(f.get(7))));
  }

  /** A stored event or quarantined delivery as an operator sees it. */
  static QueueEntry entry(String deliveryId, Map<String, String> fields) {
    QueueSection section = QueueSection.fromLabel(fields.get("section"));
    String error = fields.get("error");
    Instant received = Instant.parse(fields.get("received"));
    String updated = fields.get("updated");
    return new QueueEntry(
        new DeliveryId(deliveryId),
        fields.get("type"),
        section,
        Integer.parseInt(fields.getOrDefault("attempts", "0")),
        error == null || error.isEmpty() ? null : error,
        received,
        updated == null ? received : Instant.ofEpochMilli(Long.parseLong(updated)),
        fields.get("body"));
  }
}
