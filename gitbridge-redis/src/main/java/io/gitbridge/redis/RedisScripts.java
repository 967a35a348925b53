package io.gitbridge.redis;

import static java.util.Objects.requireNonNull;

import io.gitbridge.core.queue.QueueUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * Runs the queue's Lua scripts (resources beside this class, each with {@code common.lua} in front)
 * by {@code EVALSHA}. A script is sent with {@code SCRIPT LOAD} the first time Redis answers {@code
 * NOSCRIPT} — on first use, and again after a Redis restart or {@code SCRIPT FLUSH}.
 *
 * <p>Every Jedis exception is translated here into a {@link QueueUnavailableException} naming the
 * script: no Jedis type leaves this class. Thread-safe.
 */
final class RedisScripts {
  /** The scripts, by resource name without {@code .lua}. */
  enum Script {
    OFFER,
    LEASE,
    CHECKPOINT,
    ACK,
    SETTLE,
    QUARANTINE,
    STATS,
    BROWSE,
    FIND,
    REQUEUE,
    DELETE,
    PURGE,
    ADOPT;

    String resource() {
      return name().toLowerCase(java.util.Locale.ROOT) + ".lua";
    }
  }

  private final UnifiedJedis redis;
  private final String[] sources = new String[Script.values().length];
  private final String[] shas = new String[Script.values().length];

  RedisScripts(UnifiedJedis redis) {
    this.redis = requireNonNull(redis, "redis == null");
    String common = read("common.lua");
    for (Script s : Script.values()) {
      sources[s.ordinal()] = common + read(s.resource());
      shas[s.ordinal()] = sha1(sources[s.ordinal()]);
    }
  }

  /** Runs a script; returns Redis's answer as Jedis decodes it (String, Long, List). */
  Object run(Script script, List<String> keys, List<String> args) {
    return call(
        script.resource(),
        r -> {
          String sha = shas[script.ordinal()];
          try {
            return r.evalsha(sha, keys, args);
          } catch (JedisNoScriptException e) {
            r.scriptLoad(sources[script.ordinal()]);
            return r.evalsha(sha, keys, args);
          }
        });
  }

  /**
   * Runs any call on the client, translating failures.
   *
   * @param what names the call in the error message
   */
  <T> T call(String what, Function<UnifiedJedis, T> call) {
    try {
      return call.apply(redis);
    } catch (JedisConnectionException e) {
      RedisClients.dropIdleConnections(redis);
      throw new QueueUnavailableException("redis: " + what + " failed: " + e.getMessage(), e);
    } catch (JedisException e) {
      throw new QueueUnavailableException("redis: " + what + " failed: " + e.getMessage(), e);
    }
  }

  /** The SHA-1 Redis will use for a script, as {@code SCRIPT LOAD} answers it. */
  static String sha1(String source) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-1", e);
    }
  }

  private static String read(String resource) {
    try (InputStream in = RedisScripts.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing script resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read script " + resource, e);
    }
  }
}
