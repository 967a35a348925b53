package io.gitbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.gitbridge.core.ingest.DeliveryHeaders;
import io.gitbridge.testkit.Payloads;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} with {@code notifications.url}: a full queue is posted to a chat webhook on
 * loopback. The one worker is kept busy by a {@code forward} to a receiver that holds the request,
 * so the queue ({@code max_size: 1}) is full exactly while the test says.
 */
class ServeNotificationsTest {
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final String SECRET = "s3cret";
  private static final String CHAT_PATH = "/services/T0/B0/chatSecret";

  private final HttpClient http = HttpClient.newHttpClient();
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final LinkedBlockingQueue<String> forwarded = new LinkedBlockingQueue<>();
  private final LinkedBlockingQueue<String> notices = new LinkedBlockingQueue<>();
  private final CountDownLatch releaseForward = new CountDownLatch(1);
  private HttpServer receiver;

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    receiver.setExecutor(threads);
    receiver.createContext(
        "/slow",
        exchange -> {
          forwarded.add(exchange.getRequestHeaders().getFirst("X-GitHub-Delivery"));
          await(releaseForward);
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    receiver.createContext(
        CHAT_PATH,
        exchange -> {
          notices.add(
              exchange.getRequestHeaders().getFirst("Content-Type")
                  + " "
                  + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    releaseForward.countDown();
    receiver.stop(0);
    threads.shutdownNow();
  }

  @Test
  void fullQueueIsPostedToTheNotificationsUrlAndCounted(@TempDir Path dir) throws Exception {
    String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
    Path file = dir.resolve("gb.yaml");
    Files.writeString(
        file,
        "github:\n  webhook_secret: "
            + SECRET
            + "\nqueue:\n  type: memory\n  max_size: 1\n  workers: 1\n"
            + "notifications:\n  url: "
            + base
            + CHAT_PATH
            + "\nroutes:\n  - on: [push]\n    tasks:\n      - forward: { url: \""
            + base
            + "/slow\" }\n");

    try (RunningServe serve =
        RunningServe.start(Map.of(), "serve", "--config", file.toString(), "--port", "0")) {
      assertThat(serve.out())
          .as("serve's output; its errors: %s", serve.err())
          .contains("notifications: posted to 127.0.0.1")
          .doesNotContain("chatSecret");
      assertThat(push(serve).statusCode()).isEqualTo(202);
      assertThat(forwarded.poll(DEADLINE.toMillis(), TimeUnit.MILLISECONDS))
          .as("the worker holds the first event")
          .isNotNull();

      HttpResponse<String> refused = push(serve);

      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Retry-After")).isPresent();
      String notice = notices.poll(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(notice).as("a notice was posted").isNotNull().startsWith("application/json {");
      String text =
          new ObjectMapper().readTree(notice.substring(notice.indexOf('{'))).get("text").asText();
      assertThat(text).startsWith("GitBridge: the queue is full: a `push` webhook was refused");
      awaitUntil(
          () ->
              metrics(serve)
                  .contains(
                      "gitbridge_notifications_total{kind=\"queue_full\",outcome=\"sent\"} 1.0"));

      releaseForward.countDown();
      assertThat(serve.stop()).isZero();
    }
  }

  private HttpResponse<String> push(RunningServe serve) throws Exception {
    byte[] body = Payloads.read(Payloads.PUSH).getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(serve.url() + "/webhook"))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    DeliveryHeaders.of("push", Payloads.newDeliveryId(), body, SECRET, "test")
        .forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String metrics(RunningServe serve) {
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create(serve.url() + "/metrics")).build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (Exception e) {
      throw new AssertionError("GET /metrics failed", e);
    }
  }

  private static void awaitUntil(BooleanSupplier condition) {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + DEADLINE);
      }
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
