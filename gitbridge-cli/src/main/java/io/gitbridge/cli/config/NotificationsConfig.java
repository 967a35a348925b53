package io.gitbridge.cli.config;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The {@code notifications:} section: where alerts and queue-full notices are POSTed as JSON.
 * Immutable; {@link #toString()} hides the URL, which often holds a token (Slack, Teams).
 *
 * @param url null when notifications are off
 */
public record NotificationsConfig(URI url) {
  public static final NotificationsConfig NONE = new NotificationsConfig(null);

  static final List<String> KEYS = List.of("url");

  /** The URL, if notifications are on. */
  public Optional<URI> target() {
    return Optional.ofNullable(url);
  }

  @Override
  public String toString() {
    return "NotificationsConfig{url=" + (url == null ? "none" : url.getHost()) + "}";
  }

  static NotificationsConfig read(ConfigReader r) {
    r.mapping("notifications", KEYS);
    return new NotificationsConfig(
        r.url("notifications.url", null, List.of("https", "http"), true));
  }
}
