package io.gitbridge.core.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitbridge.core.ConfigurationException;
import io.gitbridge.core.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The top-level keys of GitHub's webhook payloads, by event type (the resource {@code
 * payload-keys.json}), so that a template whose first path segment no event of its route carries —
 * a typo, or {@code {{pull_request.head.sha}}} on a {@code push} route — is refused at start rather
 * than failing the first event at 3 a.m. Deeper segments are checked when an event runs.
 */
final class PayloadKeys {
  /** Values templates read that are not payload keys. */
  private static final Set<String> VIRTUAL =
      Set.of("event", "action", "delivery_id", "command", "author_association");

  private static final Map<String, Set<String>> BY_EVENT = load();

  private PayloadKeys() {}

  private static Map<String, Set<String>> load() {
    try (InputStream in = PayloadKeys.class.getResourceAsStream("payload-keys.json")) {
      JsonNode root = Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      Set<String> common = strings(root.path("_common"));
      Map<String, Set<String>> byEvent = new HashMap<>();
      root.fieldNames()
          .forEachRemaining(
              event -> {
                if (!event.startsWith("_")) {
                  Set<String> keys = new TreeSet<>(common);
                  keys.addAll(strings(root.get(event)));
                  byEvent.put(event, Collections.unmodifiableSet(keys));
                }
              });
      return Map.copyOf(byEvent);
    } catch (IOException e) {
      throw new UncheckedIOException("payload-keys.json is missing from the core jar", e);
    }
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> out = new TreeSet<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /**
   * Refuses {@code template} when none of the events {@code on} matches carries its first path
   * segment. Routes on {@code "*"} or on an event type not listed are not checked.
   *
   * @param key the option's key, for the error
   */
  static void check(List<String> on, String key, Template template) {
    Set<String> events = new TreeSet<>();
    for (String pattern : on) {
      String event = pattern.contains(".") ? pattern.substring(0, pattern.indexOf('.')) : pattern;
      if (!BY_EVENT.containsKey(event)) {
        return;
      }
      events.add(event);
    }
    for (String placeholder : template.placeholders()) {
      String first = placeholder.split("\\.", 2)[0];
      if (VIRTUAL.contains(first)) {
        continue;
      }
      boolean carried = events.stream().anyMatch(e -> BY_EVENT.get(e).contains(first));
      if (!carried) {
        throw new ConfigurationException(
            key,
            "{{"
                + placeholder
                + "}} names nothing a "
                + String.join(" or ", events)
                + " event carries (its payload has: "
                + String.join(", ", BY_EVENT.get(events.iterator().next()))
                + ")");
      }
    }
  }
}
