package io.gitbridge.redis;

import static java.util.Objects.requireNonNull;

import io.gitbridge.core.ConfigurationException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where Redis is, as {@code queue.redis_url} says it. Three forms:
 *
 * <ul>
 *   <li>{@code redis://[[user]:password@]host[:port][/database]} — one server, plain TCP;
 *   <li>{@code rediss://...} — the same over TLS, verified against the JVM's trust store;
 *   <li>{@code redis-sentinel://[[user]:password@]host[:port][,host[:port]...]/master[/database]}
 *       (or {@code rediss-sentinel://} for TLS) — ask the Sentinels which server is the master
 *       named {@code master}, and follow it when they fail over. The credentials are the master's;
 *       Sentinels are asked without them.
 * </ul>
 *
 * <p>The port defaults to 6379 (26379 for Sentinels), the database to 0. User and password are
 * percent-decoded. Immutable; {@link #toString()} never shows the password.
 */
public final class RedisUrl {
  public static final int DEFAULT_PORT = 6379;
  public static final int DEFAULT_SENTINEL_PORT = 26379;
  private static final String KEY = "queue.redis_url";

  private final boolean sentinel;
  private final boolean tls;
  private final List<HostPort> hosts;
  private final String masterName;
  private final int database;
  private final String user;
  private final String password;

  private RedisUrl(
      boolean sentinel,
      boolean tls,
      List<HostPort> hosts,
      String masterName,
      int database,
      String user,
      String password) {
    this.sentinel = sentinel;
    this.tls = tls;
    this.hosts = List.copyOf(hosts);
    this.masterName = masterName;
    this.database = database;
    this.user = user;
    this.password = password;
  }

  /** One server address. */
  public record HostPort(String host, int port) {
    public HostPort {
      requireNonNull(host, "host == null");
    }

    @Override
    public String toString() {
      return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
  }

  /**
   * Parses a URL.
   *
   * @throws ConfigurationException naming {@code queue.redis_url} and what is wrong (never the
   *     password)
   */
  public static RedisUrl parse(String url) {
    requireNonNull(url, "url == null");
    int schemeEnd = url.indexOf("://");
    if (schemeEnd < 0) {
      throw invalid("expected redis://, rediss:// or redis-sentinel://, got no scheme");
    }
    String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
    boolean sentinel;
    boolean tls;
    switch (scheme) {
      case "redis" -> {
        sentinel = false;
        tls = false;
      }
      case "rediss" -> {
        sentinel = false;
        tls = true;
      }
      case "redis-sentinel" -> {
        sentinel = true;
        tls = false;
      }
      case "rediss-sentinel" -> {
        sentinel = true;
        tls = true;
      }
      default ->
          throw invalid(
              "unknown scheme '" + scheme + "' (redis, rediss, redis-sentinel, rediss-sentinel)");
    }
    String rest = url.substring(schemeEnd + 3);
    int query = rest.indexOf('?');
    if (query >= 0) {
      throw invalid("query parameters are not supported");
    }
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "" : rest.substring(slash + 1);
    String user = null;
    String password = null;
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      String userInfo = authority.substring(0, at);
      authority = authority.substring(at + 1);
      int colon = userInfo.indexOf(':');
      String rawUser = colon < 0 ? userInfo : userInfo.substring(0, colon);
      user = rawUser.isEmpty() ? null : decode(rawUser);
      password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
      if (colon < 0) {
        // redis://secret@host is how many tools write a password without a user
        password = user;
        user = null;
      }
    }
    int defaultPort = sentinel ? DEFAULT_SENTINEL_PORT : DEFAULT_PORT;
    List<HostPort> hosts = new ArrayList<>();
    for (String part : authority.split(",", -1)) {
      hosts.add(hostPort(part, defaultPort));
    }
    if (!sentinel && hosts.size() > 1) {
      throw invalid("several hosts need redis-sentinel://");
    }
    String[] segments = path.isEmpty() ? new String[0] : path.split("/", -1);
    String master = null;
    String databaseText = null;
    if (sentinel) {
      if (segments.length < 1 || segments[0].isEmpty()) {
        throw invalid("a Sentinel URL names the master: redis-sentinel://host:26379/mymaster");
      }
      master = decode(segments[0]);
      databaseText = segments.length > 1 ? segments[1] : null;
      if (segments.length > 2) {
        throw invalid("expected /master[/database] after the Sentinels");
      }
    } else {
      databaseText = segments.length > 0 ? segments[0] : null;
      if (segments.length > 1) {
        throw invalid("expected /database after the host");
      }
    }
    int database = 0;
    if (databaseText != null && !databaseText.isEmpty()) {
      try {
        database = Integer.parseInt(databaseText);
      } catch (NumberFormatException e) {
        throw invalid("database must be a number, got '" + databaseText + "'");
      }
      if (database < 0) {
        throw invalid("database must not be negative");
      }
    }
    return new RedisUrl(sentinel, tls, hosts, master, database, user, password);
  }

  private static HostPort hostPort(String text, int defaultPort) {
    if (text.isEmpty()) {
      throw invalid("a host is missing");
    }
    String host;
    String port = null;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        throw invalid("unclosed '[' in host " + text);
      }
      host = text.substring(1, close);
      if (close + 1 < text.length()) {
        if (text.charAt(close + 1) != ':') {
          throw invalid("expected ':' after ']' in " + text);
        }
        port = text.substring(close + 2);
      }
    } else {
      int colon = text.lastIndexOf(':');
      host = colon < 0 ? text : text.substring(0, colon);
      port = colon < 0 ? null : text.substring(colon + 1);
    }
    if (host.isEmpty()) {
      throw invalid("a host is missing");
    }
    if (port == null) {
      return new HostPort(host, defaultPort);
    }
    try {
      int p = Integer.parseInt(port);
      if (p < 1 || p > 65535) {
        throw invalid("port out of range: " + port);
      }
      return new HostPort(host, p);
    } catch (NumberFormatException e) {
      throw invalid("port must be a number, got '" + port + "'");
    }
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static ConfigurationException invalid(String problem) {
    return new ConfigurationException(KEY, problem);
  }

  /** Whether the hosts are Sentinels to ask for the master. */
  public boolean sentinel() {
    return sentinel;
  }

  /** Whether connections use TLS. */
  public boolean tls() {
    return tls;
  }

  /** The server, or the Sentinels; never empty. */
  public List<HostPort> hosts() {
    return hosts;
  }

  /** The Sentinel master name; {@code null} unless {@link #sentinel()}. */
  public String masterName() {
    return masterName;
  }

  public int database() {
    return database;
  }

  /** The ACL user; {@code null} for the default user. */
  public String user() {
    return user;
  }

  /** The password; {@code null} for none. Never log it. */
  public String password() {
    return password;
  }

  /** The URL with the password masked, safe for logs. */
  @Override
  public String toString() {
    String scheme = (tls ? "rediss" : "redis") + (sentinel ? "-sentinel" : "");
    StringBuilder out = new StringBuilder(scheme).append("://");
    if (user != null || password != null) {
      out.append(user == null ? "" : user).append(password == null ? "" : ":***").append('@');
    }
    for (int i = 0; i < hosts.size(); i++) {
      out.append(i == 0 ? "" : ",").append(hosts.get(i));
    }
    if (sentinel) {
      out.append('/').append(masterName);
    }
    return out.append('/').append(database).toString();
  }
}
