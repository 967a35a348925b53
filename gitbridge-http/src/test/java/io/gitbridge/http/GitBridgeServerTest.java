package io.gitbridge.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitbridge.core.GitBridge;
import io.gitbridge.core.health.Health;
import io.gitbridge.core.health.HealthCheck;
import io.gitbridge.testkit.Await;
import io.gitbridge.testkit.Payloads;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitBridgeServerTest {
  GitBridge bridge;

  @BeforeEach
  void bridge() {
    bridge = GitBridge.builder().webhookSecret(ServerFixture.SECRET).build();
  }

  @AfterEach
  void closeBridge() {
    bridge.close();
  }

  @Test
  void defaultsAreTheContractsDefaults() {
    assertThat(GitBridgeServer.DEFAULT_HOST).isEqualTo("127.0.0.1");
    assertThat(GitBridgeServer.DEFAULT_PORT).isEqualTo(8080);
    assertThat(GitBridgeServer.DEFAULT_WEBHOOK_PATH).isEqualTo("/webhook");
  }

  @Test
  void portZeroBindsAFreePortThatUrlNames() {
    try (GitBridgeServer server = builder().build().start()) {
      int port = server.address().getPort();

      assertThat(port).isPositive();
      assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
      assertThat(server.url()).isEqualTo("http://127.0.0.1:" + port);
      assertThat(new Http(server.url()).get("/healthz").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void ipv6LoopbackUrlIsBracketed() {
    try (GitBridgeServer server = builder().host("::1").build().start()) {
      assertThat(server.url()).isEqualTo("http://[0:0:0:0:0:0:0:1]:" + server.address().getPort());
    } catch (ServerStartException noIpv6) {
      assertThat(noIpv6.host()).isEqualTo("::1");
    }
  }

  @Test
  void closeStopsAcceptingAndLeavesTheBridgeOpen() {
    bridge.start();
    GitBridgeServer server = builder().build().start();
    Http http = new Http(server.url());

    server.close();
    server.close();

    assertThatThrownBy(() -> http.get("/healthz")).isInstanceOf(UncheckedIOException.class);
    assertThat(bridge.isRunning()).isTrue();
  }

  @Test
  void closeLetsARequestInProgressFinishAndTurnsNewOnesAway() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    bridge.start();
    GitBridgeServer server = builder().healthCheck(blocking(entered, release)).build().start();
    Http http = new Http(server.url());
    CompletableFuture<HttpResponse<String>> slow =
        CompletableFuture.supplyAsync(() -> http.get("/readyz"));
    assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
    Await.until("the server turns requests away", server::stopping);
    HttpResponse<String> late = http.get("/healthz");
    release.countDown();

    assertThat(late.statusCode()).isEqualTo(503);
    assertThat(late.headers().firstValue("Retry-After")).hasValue("30");
    assertThat(late.body()).isEqualTo("{\"error\":\"shutting down\"}");
    assertThat(slow.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(slow.get().body()).contains("\"slow\":{\"status\":\"up\",\"detail\":\"released\"}");
    closing.get(20, TimeUnit.SECONDS);
    assertThatThrownBy(() -> http.get("/healthz")).isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void closeInterruptsARequestThatOutlivesTheGrace() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    GitBridgeServer server =
        builder().stopGrace(Duration.ZERO).healthCheck(blocking(entered, never)).build().start();
    Http http = new Http(server.url());
    CompletableFuture<HttpResponse<String>> stuck =
        CompletableFuture.supplyAsync(() -> http.get("/readyz"));
    assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();

    CompletableFuture.runAsync(server::close).get(20, TimeUnit.SECONDS);

    assertThat(stuck).failsWithin(Duration.ofSeconds(20));
  }

  @Test
  void lifecycleMisuseIsRefused() {
    GitBridgeServer server = builder().build();
    assertThatThrownBy(server::address).isInstanceOf(IllegalStateException.class);
    server.start();
    assertThatThrownBy(server::start).hasMessage("server already started");
    server.close();
    assertThatThrownBy(server::start).hasMessage("server is closed");

    GitBridgeServer neverStarted = builder().build();
    neverStarted.close();
    assertThatThrownBy(neverStarted::start).hasMessage("server is closed");
  }

  @Test
  void aTakenPortIsAServerStartExceptionNamingTheAddress() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();

      assertThatThrownBy(() -> builder().port(port).build().start())
          .isInstanceOf(ServerStartException.class)
          .hasMessageStartingWith("cannot listen on 127.0.0.1:" + port)
          .satisfies(e -> assertThat(((ServerStartException) e).port()).isEqualTo(port));
    }
  }

  @Test
  void customWebhookPathReplacesTheDefault() {
    try (GitBridgeServer server = builder().webhookPath("/hooks/github").build().start()) {
      Http http = new Http(server.url());

      assertThat(
              http.webhook("/hooks/github", "push", Payloads.newDeliveryId(), ServerFixture.PUSH)
                  .statusCode())
          .isEqualTo(202);
      assertThat(http.get("/webhook").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void withoutARegistryThereIsNoMetricsEndpointButWebhooksWork() {
    try (GitBridgeServer server = builder().build().start()) {
      Http http = new Http(server.url());

      assertThat(http.get("/metrics").statusCode()).isEqualTo(404);
      assertThat(
              http.webhook("/webhook", "push", Payloads.newDeliveryId(), ServerFixture.PUSH)
                  .statusCode())
          .isEqualTo(202);
    }
  }

  @Test
  void buildRefusesWrongSettings() {
    assertThatThrownBy(() -> GitBridgeServer.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a bridge is required");
    refuses(b -> b.host(" "), "host is blank");
    refuses(b -> b.port(-1), "port must be 0 to 65535, was -1");
    refuses(b -> b.port(65536), "port must be 0 to 65535, was 65536");
    for (String path : new String[] {"webhook", "/", "/healthz", "/readyz", "/metrics", "/api"}) {
      refuses(b -> b.webhookPath(path), "webhook path must start with '/'");
    }
    refuses(b -> b.webhookPath("/api/hook"), "webhook path");
    refuses(b -> b.webhookPath("/hook?x=1"), "webhook path");
    refuses(b -> b.webhookPath("/hook#x"), "webhook path");
    refuses(b -> b.threads(0), "threads must be at least 1, was 0");
    refuses(b -> b.stopGrace(Duration.ofSeconds(-1)), "stop grace must not be negative");
    refuses(b -> b.adminToken(" "), "an admin API token is blank");
    refuses(b -> b.readToken(""), "an admin API token is blank");
    refuses(b -> b.adminToken("same").readToken("same"), "the admin and read tokens must differ");
    refuses(b -> b.healthCheck(named("workers")), "two health checks are named 'workers'");
    refuses(
        b -> b.healthCheck(named("redis")).healthCheck(named("redis")),
        "two health checks are named 'redis'");
  }

  private void refuses(Consumer<GitBridgeServer.Builder> setting, String message) {
    GitBridgeServer.Builder b = GitBridgeServer.builder().bridge(bridge);
    setting.accept(b);
    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }

  private GitBridgeServer.Builder builder() {
    return GitBridgeServer.builder().bridge(bridge).port(0).stopGrace(Duration.ofSeconds(1));
  }

  /** A check that signals {@code entered} and answers up once {@code release} opens. */
  private static HealthCheck blocking(CountDownLatch entered, CountDownLatch release) {
    return new HealthCheck() {
      @Override
      public String name() {
        return "slow";
      }

      @Override
      public Health check() {
        entered.countDown();
        try {
          release.await();
          return Health.up("released");
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return Health.down("interrupted");
        }
      }
    };
  }

  private static HealthCheck named(String name) {
    return new HealthCheck() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Health check() {
        return Health.up("fine");
      }
    };
  }
}
