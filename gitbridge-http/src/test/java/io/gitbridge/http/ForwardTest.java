package io.gitbridge.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitbridge.core.DeliveryId;
import io.gitbridge.core.GitBridgeException;
import io.gitbridge.core.ingest.DeliveryHeaders;
import io.gitbridge.core.queue.InMemoryEventQueue;
import io.gitbridge.testkit.Await;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The forward task, end to end: one GitBridge forwards to another over loopback, re-signed. */
class ForwardTest {
  @Test
  void eventIsForwardedReSignedAndTheReceiverProcessesItUnderTheSameDeliveryId() throws Exception {
    try (ServerFixture receiver =
        ServerFixture.start(InMemoryEventQueue.create(), true, b -> {}, s -> {})) {
      String routes =
          "[{\"on\":\"push\",\"tasks\":[{\"forward\":{\"url\":\""
              + receiver.server.url()
              + "/webhook\",\"secret\":\""
              + ServerFixture.SECRET
              + "\"}}]}]";
      var routeDefinitions = new ObjectMapper().readTree(routes);
      try (ServerFixture sender =
          ServerFixture.start(
              InMemoryEventQueue.create(),
              true,
              b ->
                  b.webhookSender(new JdkWebhookSender(Duration.ofSeconds(5)))
                      .routeDefinitions(routeDefinitions),
              s -> {})) {
        DeliveryId id = new DeliveryId("forward-1");
        byte[] body = ServerFixture.PUSH.getBytes(StandardCharsets.UTF_8);
        int status =
            new JdkWebhookSender()
                .post(
                    URI.create(sender.server.url() + "/webhook"),
                    DeliveryHeaders.of("push", id, body, ServerFixture.SECRET, "test"),
                    body);
        assertThat(status).isEqualTo(202);

        Await.until(
            "the receiver processes the forwarded event",
            () -> receiver.processed.contains("forward-1"));
        assertThat(receiver.bridge.queue().stats().live()).isZero();
      }
    }
  }

  @Test
  void noAnswerIsAnErrorNamingOnlyTheHost() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    URI url = URI.create("http://127.0.0.1:" + closedPort + "/hook?token=abc");
    assertThatThrownBy(
            () ->
                new JdkWebhookSender(Duration.ofSeconds(2))
                    .post(url, java.util.Map.of("Host", "x"), new byte[0]))
        .isInstanceOf(GitBridgeException.class)
        .hasMessageStartingWith("POST 127.0.0.1 failed")
        .hasMessageNotContaining("token=abc");
  }
}
