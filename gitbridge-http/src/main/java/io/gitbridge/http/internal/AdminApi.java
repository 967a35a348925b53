package io.gitbridge.http.internal;

import static java.util.Objects.requireNonNull;

import io.gitbridge.core.DeliveryId;
import io.gitbridge.core.queue.EventQueue;
import io.gitbridge.core.queue.Page;
import io.gitbridge.core.queue.QueueEntry;
import io.gitbridge.core.queue.QueueSection;
import io.gitbridge.core.queue.QueueStats;
import io.gitbridge.http.internal.BearerTokens.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /api/...}: the operators' view of the queue behind a bearer token. Every path needs a
 * valid token (401); a change needs the admin token (403 for the read token). Without any token
 * configured the API is off and answers 404. It only translates: the queue does the work.
 */
public final class AdminApi implements Endpoint {
  public static final String PREFIX = "/api/";
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;

  private final EventQueue queue;
  private final BearerTokens tokens;

  public AdminApi(EventQueue queue, BearerTokens tokens) {
    this.queue = requireNonNull(queue, "queue == null");
    this.tokens = requireNonNull(tokens, "tokens == null");
  }

  @Override
  public Response handle(Request request) {
    if (!tokens.enabled()) {
      throw HttpStatusException.notFound("not found");
    }
    Role role = tokens.authenticate(request.header("Authorization"));
    List<String> path = List.of(request.path().substring(PREFIX.length()).split("/", -1));
    switch (path.get(0)) {
      case "queue":
        return queue(request, role, path);
      case "events":
        return events(request, role, path);
      case "stream":
        if (path.size() == 1) {
          request.requireMethod("GET");
          return notImplemented();
        }
        break;
      default:
        break;
    }
    throw HttpStatusException.notFound("not found");
  }

  private Response queue(Request request, Role role, List<String> path) {
    if (path.size() == 2) {
      String name = path.get(1);
      switch (name) {
        case "stats":
          request.requireMethod("GET");
          return stats(queue.stats());
        case "pause":
        case "resume":
          change(request, role, "POST");
          return notImplemented();
        default:
          QueueSection section = section(name);
          request.requireMethod("GET");
          return browse(section, request.query());
      }
    }
    if (path.size() == 3 && path.get(2).equals("purge")) {
      QueueSection section = section(path.get(1));
      change(request, role, "POST");
      if (section == QueueSection.IN_FLIGHT) {
        throw new HttpStatusException(400, "events in flight cannot be purged");
      }
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("section", section.label());
      json.put("purged", queue.purge(section));
      return Response.json(200, json);
    }
    throw HttpStatusException.notFound("not found");
  }

  private Response events(Request request, Role role, List<String> path) {
    if (path.size() == 2) {
      DeliveryId id = delivery(path.get(1));
      request.requireMethod("GET", "DELETE");
      if (request.method().equals("GET")) {
        QueueEntry entry = queue.find(id).orElseThrow(() -> unknown(id));
        return Response.json(200, entry(entry, true));
      }
      change(request, role, "DELETE");
      return done(id, "deleted", queue.delete(id));
    }
    if (path.size() == 3 && path.get(2).equals("retry")) {
      DeliveryId id = delivery(path.get(1));
      change(request, role, "POST");
      return done(id, "requeued", queue.requeue(id));
    }
    throw HttpStatusException.notFound("not found");
  }

  /** 200 when done; else 409 when the event exists but is in flight or ready, 404 when not. */
  private Response done(DeliveryId id, String what, boolean done) {
    if (!done) {
      QueueEntry entry = queue.find(id).orElseThrow(() -> unknown(id));
      throw new HttpStatusException(
          409, "delivery " + id + " is " + entry.section().label() + "; not " + what);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("delivery", id.value());
    json.put(what, true);
    return Response.json(200, json);
  }

  private Response browse(QueueSection section, Map<String, String> query) {
    int limit = limit(query.get("limit"));
    String cursor = query.get("cursor");
    String q = query.getOrDefault("q", "").toLowerCase(Locale.ROOT);
    Page page;
    try {
      page = queue.browse(section, cursor == null || cursor.isEmpty() ? null : cursor, limit);
    } catch (IllegalArgumentException e) {
      throw new HttpStatusException(400, "invalid cursor");
    }
    List<Object> entries = new ArrayList<>();
    for (QueueEntry e : page.entries()) {
      if (q.isEmpty()
          || e.deliveryId().value().toLowerCase(Locale.ROOT).contains(q)
          || e.type().toLowerCase(Locale.ROOT).contains(q)) {
        entries.add(entry(e, false));
      }
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("section", section.label());
    json.put("entries", entries);
    json.put("next_cursor", page.nextCursor());
    return Response.json(200, json);
  }

  private static Response stats(QueueStats stats) {
    Map<String, Object> json = new LinkedHashMap<>();
    for (QueueSection section : QueueSection.values()) {
      json.put(section.label(), stats.count(section));
    }
    return Response.json(200, json);
  }

  private static Map<String, Object> entry(QueueEntry e, boolean withBody) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("delivery", e.deliveryId().value());
    json.put("type", e.type());
    json.put("section", e.section().label());
    json.put("attempts", e.attempts());
    json.put("last_error", e.lastError());
    json.put("received_at", e.receivedAt().toString());
    json.put("updated_at", e.updatedAt().toString());
    if (withBody) {
      json.put("body", e.body());
    }
    return json;
  }

  /** A change: only with {@code method} (else 405), only for the admin token (else 403). */
  private static void change(Request request, Role role, String method) {
    request.requireMethod(method);
    if (role != Role.ADMIN) {
      throw new HttpStatusException(403, "this token may only read");
    }
  }

  private static QueueSection section(String label) {
    try {
      return QueueSection.fromLabel(label);
    } catch (IllegalArgumentException e) {
      throw new HttpStatusException(400, e.getMessage());
    }
  }

  private static DeliveryId delivery(String value) {
    if (!DeliveryId.isValid(value)) {
      throw new HttpStatusException(400, "malformed delivery id");
    }
    return new DeliveryId(value);
  }

  private static int limit(String value) {
    if (value == null || value.isEmpty()) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new HttpStatusException(400, "limit must be a number from 1 to " + MAX_LIMIT);
  }

  private static HttpStatusException unknown(DeliveryId id) {
    return HttpStatusException.notFound("no delivery " + id);
  }

  private static Response notImplemented() {
    return Response.error(501, "not implemented yet");
  }
}
