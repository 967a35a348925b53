package io.gitbridge.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.clients.jedis.RedisClient;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;
import redis.embedded.core.RedisServerBuilder;

/**
 * The Redis the tests run against: by default a redis-server from embedded-redis on a free loopback
 * port. {@code -Dgitbridge.redis.url=redis://127.0.0.1:PORT} points the shared tests at an external
 * Redis instead (tests that stop Redis are then skipped); {@code
 * -Dgitbridge.redis.executable=/usr/bin/redis-server} runs every embedded server from that binary.
 */
final class TestRedis implements AutoCloseable {
  private static final String URL_PROPERTY = "gitbridge.redis.url";
  private static final String EXECUTABLE_PROPERTY = "gitbridge.redis.executable";
  private static TestRedis shared;

  private final String url;
  private final RedisServer server;
  private final int port;

  private TestRedis(String url, RedisServer server, int port) {
    this.url = url;
    this.server = server;
    this.port = port;
  }

  /** One Redis for the whole test run; started on first use, stopped when the JVM exits. */
  static synchronized TestRedis shared() {
    if (shared == null) {
      String external = System.getProperty(URL_PROPERTY, "");
      shared = external.isEmpty() ? startEmbedded(null) : new TestRedis(external, null, -1);
    }
    return shared;
  }

  /** Whether tests may stop and start Redis (not when it is external). */
  static boolean canControlServers() {
    return System.getProperty(URL_PROPERTY, "").isEmpty();
  }

  /**
   * A new embedded server of its own; with {@code dataDir} it keeps an append-only file there
   * (fsync'd on every write), so a restart finds the data again.
   */
  static TestRedis startEmbedded(Path dataDir) {
    int port = freePort();
    try {
      RedisServerBuilder builder =
          RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"");
      String executable = System.getProperty(EXECUTABLE_PROPERTY, "");
      if (!executable.isEmpty()) {
        builder.executableProvider(() -> Path.of(executable).toFile());
      } else {
        builder.executableProvider(ExecutableProvider.newJarResourceProvider());
      }
      if (dataDir != null) {
        Files.createDirectories(dataDir);
        builder
            .setting("appendonly yes")
            .setting("appendfsync always")
            .setting("dir \"" + dataDir.toAbsolutePath() + "\"");
      } else {
        builder.setting("appendonly no");
      }
      RedisServer server = builder.build();
      server.start();
      return new TestRedis("redis://127.0.0.1:" + port + "/0", server, port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start redis-server on port " + port, e);
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url() {
    return url;
  }

  int port() {
    return port;
  }

  /** Deletes every key. */
  void flush() {
    try (RedisClient client = RedisClient.create(java.net.URI.create(url))) {
      client.flushAll();
    }
  }

  /** Stops the server as a SIGTERM would; its data stays in the data directory. */
  void stop() {
    try {
      server.stop();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void start() {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (server != null) {
      stop();
    }
  }
}
