package io.gitbridge.redis;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * Builds the Jedis client for a {@link RedisUrl}: every connect, read and pool wait is bounded by
 * the queue timeout, so no call blocks longer than that.
 */
final class RedisClients {
  private RedisClients() {}

  /** A pooled client; for Sentinel URLs this asks the Sentinels for the master right away. */
  static UnifiedJedis create(RedisUrl url, Duration timeout, int maxConnections) {
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(maxConnections);
    pool.setMaxIdle(maxConnections);
    pool.setMaxWait(timeout);
    pool.setBlockWhenExhausted(true);
    pool.setJmxEnabled(false);
    if (url.sentinel()) {
      Set<HostAndPort> sentinels = new LinkedHashSet<>();
      url.hosts().forEach(h -> sentinels.add(new HostAndPort(h.host(), h.port())));
      return RedisSentinelClient.builder()
          .masterName(url.masterName())
          .sentinels(sentinels)
          .clientConfig(config(url, timeout, true))
          .sentinelClientConfig(config(url, timeout, false))
          .poolConfig(pool)
          .build();
    }
    RedisUrl.HostPort server = url.hosts().get(0);
    return RedisClient.builder()
        .hostAndPort(server.host(), server.port())
        .clientConfig(config(url, timeout, true))
        .poolConfig(pool)
        .build();
  }

  /** The client settings: credentials and database only for the data server, not Sentinels. */
  static JedisClientConfig config(RedisUrl url, Duration timeout, boolean dataServer) {
    int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    DefaultJedisClientConfig.Builder config =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(millis)
            .socketTimeoutMillis(millis)
            .ssl(url.tls())
            .clientName("gitbridge");
    if (dataServer) {
      config.database(url.database());
      if (url.password() != null) {
        config.user(url.user()).password(url.password());
      }
    }
    return config.build();
  }

  /** Closes idle pooled connections, so that after a Redis restart the next call reconnects. */
  static void dropIdleConnections(UnifiedJedis client) {
    if (client instanceof RedisClient standalone) {
      standalone.getPool().clear();
    }
  }
}
