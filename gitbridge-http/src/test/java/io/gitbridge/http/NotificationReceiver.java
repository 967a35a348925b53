package io.gitbridge.http;

import com.sun.net.httpserver.HttpServer;
import io.gitbridge.testkit.Await;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A chat webhook on 127.0.0.1 (JDK HttpServer, any free port) that records what it is posted and
 * answers with a set status; when told to hold, it records a request and then keeps it unanswered
 * until {@link #release()}.
 */
final class NotificationReceiver implements AutoCloseable {
  record Received(String method, String target, String contentType, String body) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final CountDownLatch released = new CountDownLatch(1);
  private final int status;
  private final boolean hold;

  private NotificationReceiver(int status, boolean hold) throws IOException {
    this.status = status;
    this.hold = hold;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.setExecutor(threads);
    server.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          received.add(
              new Received(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().toString(),
                  exchange.getRequestHeaders().getFirst("Content-Type"),
                  new String(body, StandardCharsets.UTF_8)));
          if (hold) {
            awaitRelease();
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  /** Answers every request with {@code status} at once. */
  static NotificationReceiver answering(int status) throws IOException {
    return new NotificationReceiver(status, false);
  }

  /** Records every request, then answers 200 only after {@link #release()}. */
  static NotificationReceiver holding() throws IOException {
    return new NotificationReceiver(200, true);
  }

  URI url(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
  }

  /** The next request, waiting for it up to {@link Await#DEADLINE}. */
  Received take() throws InterruptedException {
    Received next = received.poll(Await.DEFAULT_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    if (next == null) {
      throw new AssertionError("nothing posted within " + Await.DEFAULT_LIMIT);
    }
    return next;
  }

  /** Requests received and not taken yet. */
  int waiting() {
    return received.size();
  }

  void release() {
    released.countDown();
  }

  private void awaitRelease() {
    try {
      released.await(Await.DEFAULT_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    release();
    server.stop(0);
    threads.shutdownNow();
  }
}
