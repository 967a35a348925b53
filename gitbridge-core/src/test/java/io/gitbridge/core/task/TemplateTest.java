package io.gitbridge.core.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitbridge.core.DeliveryId;
import io.gitbridge.core.WebhookEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TemplateTest {
  private static final WebhookEvent EVENT =
      new WebhookEvent(
          new DeliveryId("d-7"),
          "pull_request",
          "{\"action\":\"opened\",\"pull_request\":{\"number\":42,\"draft\":false,"
              + "\"head\":{\"sha\":\"abc\"},\"labels\":[{\"name\":\"bug\"}]},\"n\":null}",
          Instant.EPOCH);

  @Test
  void fillsPayloadPathsAndTheEventsOwnValues() {
    Template t =
        Template.compile("{{event}}.{{action}} #{{pull_request.number}} {{ delivery_id }}");
    assertThat(t.render(EVENT)).isEqualTo("pull_request.opened #42 d-7");
    assertThat(t.isConstant()).isFalse();
    assertThat(t.placeholders())
        .containsExactly("event", "action", "pull_request.number", "delivery_id");
  }

  @Test
  void readsArrayElementsByIndexAndObjectsAsJson() {
    assertThat(Template.compile("{{pull_request.labels.0.name}}").render(EVENT)).isEqualTo("bug");
    assertThat(Template.compile("{{pull_request.head}}").render(EVENT))
        .isEqualTo("{\"sha\":\"abc\"}");
    assertThat(Template.compile("{{pull_request.draft}}").render(EVENT)).isEqualTo("false");
  }

  @Test
  void constantTemplateRendersAsWritten() {
    Template t = Template.compile("gitbridge");
    assertThat(t.isConstant()).isTrue();
    assertThat(t.render(EVENT)).isEqualTo("gitbridge");
    assertThat(t).hasToString("gitbridge");
  }

  @Test
  void pathThePayloadLacksIsAnErrorNotAnEmptyString() {
    assertThatThrownBy(() -> Template.compile("{{pull_request.merged_by.login}}").render(EVENT))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("{{pull_request.merged_by.login}}")
        .hasMessageContaining("pull_request payload");
    assertThatThrownBy(() -> Template.compile("{{n}}").render(EVENT))
        .isInstanceOf(TemplateException.class);
  }

  @Test
  void malformedPlaceholdersAreRefusedAtCompileTime() {
    assertThatThrownBy(() -> Template.compile("{{pull_request.number"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Template.compile("{{a..b}}"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
