package io.gitbridge.core.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitbridge.core.ConfigurationException;
import io.gitbridge.core.DeliveryId;
import io.gitbridge.core.WebhookEvent;
import io.gitbridge.core.internal.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConditionsTest {
  private static final WebhookEvent EVENT =
      new WebhookEvent(
          new DeliveryId("d"),
          "issue_comment",
          "{\"action\":\"created\",\"comment\":{\"body\":\"/retest now\","
              + "\"author_association\":\"COLLABORATOR\"},\"issue\":{\"number\":7},"
              + "\"draft\":false,\"gone\":null}",
          Instant.EPOCH);

  private static boolean holds(String json) {
    return Conditions.parse("routes[0].if", node(json)).test(EVENT);
  }

  private static JsonNode node(String json) {
    return Json.parse(json);
  }

  @Test
  void equalityComparesValuesOfTheSameKind() {
    assertThat(holds("{\"draft\": false}")).isTrue();
    assertThat(holds("{\"draft\": true}")).isFalse();
    assertThat(holds("{\"issue.number\": 7}")).isTrue();
    assertThat(holds("{\"issue.number\": 7.0}")).isTrue();
    assertThat(holds("{\"issue.number\": \"7\"}")).isTrue();
    assertThat(holds("{\"missing.path\": \"x\"}")).isFalse();
    assertThat(holds("{\"comment\": {\"in\": [{\"body\":\"x\"}]}}")).isFalse();
  }

  @Test
  void everyEntryMustHold() {
    assertThat(holds("{\"draft\": false, \"issue.number\": 7}")).isTrue();
    assertThat(holds("{\"draft\": false, \"issue.number\": 8}")).isFalse();
  }

  @Test
  void operatorsInMatchesExistsAndNot() {
    assertThat(holds("{\"comment.author_association\": {\"in\": [\"OWNER\",\"COLLABORATOR\"]}}"))
        .isTrue();
    assertThat(holds("{\"comment.author_association\": {\"in\": [\"OWNER\"]}}")).isFalse();
    assertThat(holds("{\"comment.body\": {\"matches\": \"/retest\\\\b.*\"}}")).isTrue();
    assertThat(holds("{\"comment.body\": {\"matches\": \"retest\"}}")).isFalse();
    assertThat(holds("{\"comment\": {\"matches\": \".*\"}}")).isFalse();
    assertThat(holds("{\"issue.number\": {\"exists\": true}}")).isTrue();
    assertThat(holds("{\"gone\": {\"exists\": false}}")).isTrue();
    assertThat(holds("{\"not\": {\"draft\": true}}")).isTrue();
    assertThat(holds("{\"not\": {\"draft\": false}}")).isFalse();
  }

  @Test
  void absentConditionAlwaysHolds() {
    assertThat(Conditions.parse("k", null)).isSameAs(Condition.ALWAYS);
    assertThat(Condition.ALWAYS.and(e -> false).test(EVENT)).isFalse();
  }

  @Test
  void mistakesAreConfigurationErrorsNamingTheKey() {
    assertThatThrownBy(() -> Conditions.parse("r.if", node("[1]")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("r.if:");
    assertThatThrownBy(() -> holds("{\"a\": [1, 2]}")).hasMessageContaining("in: [...]");
    assertThatThrownBy(() -> holds("{\"a\": {\"in\": 1}}"))
        .hasMessageContaining("routes[0].if.a.in");
    assertThatThrownBy(() -> holds("{\"a\": {\"matches\": \"(\"}}"))
        .hasMessageContaining("regular expression");
    assertThatThrownBy(() -> holds("{\"a\": {\"exists\": \"yes\"}}"))
        .hasMessageContaining("true or false");
    assertThatThrownBy(() -> holds("{\"a\": {\"like\": 1}}")).hasMessageContaining("a.like");
    assertThatThrownBy(() -> holds("{\"a\": {\"in\": [1], \"exists\": true}}"))
        .hasMessageContaining("exactly one");
    assertThatThrownBy(() -> holds("{\"a..b\": 1}")).hasMessageContaining("empty path");
  }
}
