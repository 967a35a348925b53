package io.gitbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventTypesTest {
  private static final Instant AT = Instant.parse("2026-12-04T10:00:00Z");

  @Test
  void deliveryIdAcceptsGitHubGuidsAndRefusesWhatCouldBreakKeysOrUrls() {
    assertThat(DeliveryId.isValid("72d3162e-cc78-11e3-81ab-4c9367dc0958")).isTrue();
    assertThat(DeliveryId.isValid(null)).isFalse();
    assertThat(DeliveryId.isValid("")).isFalse();
    assertThat(DeliveryId.isValid("a b")).isFalse();
    assertThat(DeliveryId.isValid("a/b")).isFalse();
    assertThat(DeliveryId.isValid("é")).isFalse();
    assertThat(DeliveryId.isValid("x".repeat(129))).isFalse();
    assertThatThrownBy(() -> new DeliveryId("a%2f")).isInstanceOf(IllegalArgumentException.class);
    assertThat(new DeliveryId("abc")).hasToString("abc");
  }

  @Test
  void eventReadsItsActionAndQualifiedType() {
    WebhookEvent pr =
        new WebhookEvent(new DeliveryId("d"), "pull_request", "{\"action\":\"opened\"}", AT);
    assertThat(pr.action()).isEqualTo("opened");
    assertThat(pr.qualifiedType()).isEqualTo("pull_request.opened");
    assertThat(pr.payload().path("action").asText()).isEqualTo("opened");
    assertThat(pr.receivedAt()).isEqualTo(AT);
    assertThat(pr).hasToString("WebhookEvent{pull_request.opened d}");

    WebhookEvent push = new WebhookEvent(new DeliveryId("d"), "push", "{\"ref\":\"x\"}", AT);
    assertThat(push.action()).isEmpty();
    assertThat(push.qualifiedType()).isEqualTo("push");
  }

  @Test
  void eventsAreEqualByContent() {
    WebhookEvent a = new WebhookEvent(new DeliveryId("d"), "push", "{}", AT);
    WebhookEvent b = new WebhookEvent(new DeliveryId("d"), "push", "{}", AT);
    WebhookEvent c = new WebhookEvent(new DeliveryId("d"), "push", "{}", AT.plusSeconds(1));
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c).isNotEqualTo("d");
  }

  @Test
  void eventRefusesBodiesThatAreNotJsonObjects() {
    assertThatThrownBy(() -> new WebhookEvent(new DeliveryId("d"), "push", "[]", AT))
        .isInstanceOf(InvalidPayloadException.class)
        .hasMessageContaining("not a JSON object");
    assertThatThrownBy(() -> new WebhookEvent(new DeliveryId("d"), "push", "{\"a\":", AT))
        .isInstanceOf(InvalidPayloadException.class)
        .hasMessageContaining("line 1");
    assertThatThrownBy(() -> new WebhookEvent(new DeliveryId("d"), "push", "", AT))
        .isInstanceOf(InvalidPayloadException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void configurationErrorNamesItsKey() {
    ConfigurationException e = new ConfigurationException("queue.max_size", "must be positive");
    assertThat(e.key()).isEqualTo("queue.max_size");
    assertThat(e).hasMessage("queue.max_size: must be positive");
    assertThat(new InvalidPayloadException("x", new RuntimeException()))
        .hasCauseInstanceOf(RuntimeException.class);
  }
}
