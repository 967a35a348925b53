package io.gitbridge.redis;

import static java.util.Objects.requireNonNull;

import io.gitbridge.core.GitBridgeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * The {@code redis-server} binary that ships inside the embedded-redis jar (Redis 6.2), run as a
 * child process for {@code gitbridge serve} when no {@code queue.redis_url} is configured: a first
 * run is durable across restarts without installing anything.
 *
 * <p>It listens on the loopback address only, on the given port or a free one, and persists to an
 * append-only file ({@code appendonly yes}, fsync every second) in its data directory. {@link
 * #close()} stops it with SIGTERM, so it flushes the file first; a JVM shutdown hook does the same
 * if the process exits without closing it. Not for production at scale: use a managed Redis there.
 *
 * <pre>{@code
 * try (BundledRedisServer redis = BundledRedisServer.builder().dataDirectory(dir).start()) {
 *   RedisEventQueue queue = RedisEventQueue.builder().url(redis.url()).build();
 * }
 * }</pre>
 */
public final class BundledRedisServer implements AutoCloseable {
  public static final Path DEFAULT_DATA_DIRECTORY = Path.of("data", "redis");

  /** Port 0 picks a free loopback port. */
  public static final int DEFAULT_PORT = 0;

  private static final Logger log = LoggerFactory.getLogger(BundledRedisServer.class);

  private final RedisServer server;
  private final int port;
  private final Path dataDirectory;

  private BundledRedisServer(RedisServer server, int port, Path dataDirectory) {
    this.server = server;
    this.port = port;
    this.dataDirectory = dataDirectory;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Where to connect: {@code redis://127.0.0.1:PORT/0}. */
  public String url() {
    return "redis://127.0.0.1:" + port + "/0";
  }

  public int port() {
    return port;
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  /** Stops the server (its data stays in the data directory); idempotent. */
  @Override
  public void close() {
    try {
      server.stop();
      log.info("bundled redis-server on port {} stopped", port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop the bundled redis-server on port " + port, e);
    }
  }

  /** Collects settings; {@link #start()} starts the server. */
  public static final class Builder {
    private Path dataDirectory = DEFAULT_DATA_DIRECTORY;
    private int port = DEFAULT_PORT;

    private Builder() {}

    /** Where the append-only file lives; created if missing. */
    public Builder dataDirectory(Path dataDirectory) {
      this.dataDirectory = requireNonNull(dataDirectory, "dataDirectory == null");
      return this;
    }

    /** The loopback port; 0 for a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /**
     * Starts the server and waits until it accepts connections.
     *
     * @throws IllegalArgumentException if the port is out of range
     * @throws GitBridgeException if the server does not start (port taken, directory not writable)
     */
    public BundledRedisServer start() {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      Path dir = dataDirectory.toAbsolutePath();
      int chosen = port == 0 ? freePort() : port;
      try {
        Files.createDirectories(dir);
        RedisServer server =
            RedisServer.newRedisServer()
                .bind("127.0.0.1")
                .port(chosen)
                .setting("dir \"" + dir.toString().replace("\"", "\\\"") + "\"")
                .setting("appendonly yes")
                .setting("appendfsync everysec")
                .setting("save \"\"")
                .setting("protected-mode yes")
                .build();
        server.start();
        log.info("bundled redis-server listening on 127.0.0.1:{}, data in {}", chosen, dir);
        return new BundledRedisServer(server, chosen, dir);
      } catch (IOException e) {
        throw new GitBridgeException(
            "cannot start the bundled redis-server on 127.0.0.1:" + chosen + " with data in " + dir,
            e);
      }
    }

    private static int freePort() {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      } catch (IOException e) {
        throw new GitBridgeException("no free loopback port for the bundled redis-server", e);
      }
    }
  }
}
