package io.gitbridge.core.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitbridge.core.DeliveryId;
import io.gitbridge.core.WebhookEvent;
import io.gitbridge.core.internal.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventValuesTest {
  private static WebhookEvent comment(String body, String association) {
    return new WebhookEvent(
        new DeliveryId("d"),
        "issue_comment",
        "{\"action\":\"created\",\"issue\":{\"number\":1,\"author_association\":\"NONE\"},"
            + "\"comment\":{\"body\":"
            + Json.write(body)
            + ",\"author_association\":\""
            + association
            + "\"}}",
        Instant.EPOCH);
  }

  private static String value(WebhookEvent e, String path) {
    return EventValues.resolve(e, path.split("\\.")).asText("<missing>");
  }

  @Test
  void slashCommandOnTheFirstLineGivesItsNameAndArguments() {
    WebhookEvent e = comment("  /retest unit  integration\nplease", "MEMBER");
    assertThat(value(e, "command.name")).isEqualTo("retest");
    assertThat(value(e, "command.args")).isEqualTo("unit  integration");
    assertThat(EventValues.resolve(e, new String[] {"command", "other"}).isMissingNode()).isTrue();
    assertThat(value(comment("/lgtm", "MEMBER"), "command.args")).isEmpty();
  }

  @Test
  void commentWithoutACommandHasNone() {
    for (String body : new String[] {"LGTM /retest", "/", "/ retest", "/!x"}) {
      assertThat(
              EventValues.resolve(comment(body, "MEMBER"), new String[] {"command", "name"})
                  .isMissingNode())
          .as(body)
          .isTrue();
    }
    WebhookEvent push = new WebhookEvent(new DeliveryId("d"), "push", "{}", Instant.EPOCH);
    assertThat(EventValues.resolve(push, new String[] {"command", "name"}).isMissingNode())
        .isTrue();
  }

  @Test
  void authorAssociationIsTheCommentersBeforeTheIssueAuthors() {
    assertThat(value(comment("hi", "COLLABORATOR"), "author_association"))
        .isEqualTo("COLLABORATOR");
    WebhookEvent issue =
        new WebhookEvent(
            new DeliveryId("d"),
            "issues",
            "{\"issue\":{\"author_association\":\"OWNER\"}}",
            Instant.EPOCH);
    assertThat(value(issue, "author_association")).isEqualTo("OWNER");
    WebhookEvent none = new WebhookEvent(new DeliveryId("d"), "push", "{}", Instant.EPOCH);
    assertThat(value(none, "author_association")).isEqualTo("<missing>");
  }

  @Test
  void routeCanRequireACollaboratorsRetestCommand() {
    Condition retestByCollaborator =
        Conditions.parse(
            "if",
            Json.parse(
                "{\"command.name\":\"retest\",\"author_association\":"
                    + "{\"in\":[\"OWNER\",\"MEMBER\",\"COLLABORATOR\"]}}"));
    assertThat(retestByCollaborator.test(comment("/retest", "COLLABORATOR"))).isTrue();
    assertThat(retestByCollaborator.test(comment("/retest", "CONTRIBUTOR"))).isFalse();
    assertThat(retestByCollaborator.test(comment("/approve", "OWNER"))).isFalse();
    assertThat(Template.compile("{{command.args}}").render(comment("/retest e2e", "OWNER")))
        .isEqualTo("e2e");
  }
}
