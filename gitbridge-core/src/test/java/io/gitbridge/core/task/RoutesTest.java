package io.gitbridge.core.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitbridge.core.ConfigurationException;
import io.gitbridge.core.DeliveryId;
import io.gitbridge.core.WebhookEvent;
import io.gitbridge.core.internal.Json;
import io.gitbridge.core.tasks.BuiltInTasks;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutesTest {
  private final TaskRegistry registry = BuiltInTasks.registry();

  private static WebhookEvent event(String type, String body) {
    return new WebhookEvent(new DeliveryId("d"), type, body, Instant.EPOCH);
  }

  private List<Route> routes(String json) {
    return registry.routes("routes", Json.parse(json));
  }

  @Test
  void routesMatchByTypeTypeDotActionOrStar() {
    Router router =
        new Router(
            routes(
                "[{\"on\":[\"pull_request.opened\",\"pull_request.synchronize\"],\"tasks\":[\"log\"]},"
                    + "{\"on\":\"issues\",\"tasks\":[\"log\",\"log\"]},"
                    + "{\"on\":[\"*\"],\"tasks\":[\"log\"]}]"));
    assertThat(router.stepsFor(event("pull_request", "{\"action\":\"opened\"}"))).hasSize(2);
    assertThat(router.stepsFor(event("pull_request", "{\"action\":\"closed\"}"))).hasSize(1);
    assertThat(router.stepsFor(event("issues", "{\"action\":\"opened\"}"))).hasSize(3);
    assertThat(router.routes()).hasSize(3);
    assertThat(router.routes().get(0).patterns())
        .containsExactly("pull_request.opened", "pull_request.synchronize");
  }

  @Test
  void ifConditionSelectsEvents() {
    Router router =
        new Router(
            routes(
                "[{\"on\":\"pull_request\",\"if\":{\"pull_request.draft\":false},\"tasks\":[\"log\"]}]"));
    assertThat(router.stepsFor(event("pull_request", "{\"pull_request\":{\"draft\":false}}")))
        .hasSize(1);
    assertThat(router.stepsFor(event("pull_request", "{\"pull_request\":{\"draft\":true}}")))
        .isEmpty();
  }

  @Test
  void noRoutesMeansNoSteps() {
    assertThat(registry.routes("routes", null)).isEmpty();
    assertThat(new Router(List.of()).stepsFor(event("push", "{}"))).isEmpty();
  }

  @Test
  void routeMistakesNameTheirKey() {
    assertThatThrownBy(() -> routes("{}")).hasMessage("routes: must be a list of routes");
    assertThatThrownBy(() -> routes("[1]")).hasMessageContaining("routes[0]: must be a mapping");
    assertThatThrownBy(() -> routes("[{\"tasks\":[\"log\"]}]"))
        .hasMessage("routes[0].on: is required");
    assertThatThrownBy(() -> routes("[{\"on\":\"push\"}]"))
        .hasMessage("routes[0].tasks: must be a non-empty list");
    assertThatThrownBy(() -> routes("[{\"on\":\"push\",\"tasks\":[\"log\"],\"when\":1}]"))
        .hasMessageContaining("routes[0].when: is not a route key");
    assertThatThrownBy(() -> routes("[{\"on\":\"push\",\"tasks\":[{\"a\":1,\"b\":2}]}]"))
        .hasMessageContaining("routes[0].tasks[0]: must be");
    assertThatThrownBy(() -> routes("[{\"on\":[],\"tasks\":[\"log\"]}]"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("at least one event");
    assertThatThrownBy(() -> routes("[{\"on\":[\" \"],\"tasks\":[\"log\"]}]"))
        .hasMessageContaining("blank");
  }

  @Test
  void javaRoutesNeedAStepAndCombineConditions() {
    assertThatThrownBy(() -> Route.on("push").build()).hasMessageContaining("at least one task");
    Route route =
        Route.on("push")
            .when(e -> e.payload().has("a"))
            .when(e -> e.payload().has("b"))
            .step("noop", TaskChain::proceed)
            .build();
    assertThat(route.matches(event("push", "{\"a\":1,\"b\":2}"))).isTrue();
    assertThat(route.matches(event("push", "{\"a\":1}"))).isFalse();
    assertThat(route.matches(event("issues", "{\"a\":1,\"b\":2}"))).isFalse();
  }

  @Test
  void registryRefusesBadNamesAndFactoriesThatThrow() {
    assertThatThrownBy(() -> registry.register("Bad Name", o -> TaskChain::proceed))
        .isInstanceOf(IllegalArgumentException.class);
    registry.register(
        "picky",
        o -> {
          throw new IllegalArgumentException("needs a flag");
        });
    assertThat(registry.names()).contains("picky", "log");
    assertThatThrownBy(() -> routes("[{\"on\":\"push\",\"tasks\":[\"picky\"]}]"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("routes[0].tasks[0].picky: needs a flag");
  }

  @Test
  void templateNamingAKeyNoEventOfTheRouteCarriesIsRefusedAtStart() {
    assertThatThrownBy(
            () ->
                routes(
                    "[{\"on\":\"push\",\"tasks\":[{\"comment\":{\"body\":\"{{pull_request.title}}\","
                        + "\"issue\":\"1\"}}]}]"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith(
            "routes[0].tasks[0].comment.body: {{pull_request.title}} names nothing a push event"
                + " carries (its payload has: action, after, base_ref");
    assertThatThrownBy(
            () ->
                routes(
                    "[{\"on\":[\"pull_request.opened\"],\"tasks\":[{\"label\":{\"add\":[\"ok\","
                        + "\"{{pul_request.number}}\"]}}]}]"))
        .hasMessageStartingWith("routes[0].tasks[0].label.add[1]: {{pul_request.number}}");
  }

  @Test
  void defaultTemplateThatDoesNotFitTheRoutesEventsIsNamedAsTheDefault() {
    assertThatThrownBy(
            () ->
                routes(
                    "[{\"on\":\"push\",\"tasks\":[{\"commit-status\":{\"state\":\"success\"}}]}]"))
        .hasMessageStartingWith(
            "routes[0].tasks[0].commit-status.sha (its default): {{pull_request.head.sha}} names"
                + " nothing a push event carries");
  }

  @Test
  void templatesFittingAnyOfTheRoutesEventsOrStarOrUnknownEventsPass() {
    assertThat(
            routes(
                "[{\"on\":[\"push\",\"pull_request\"],\"tasks\":[{\"log\":{\"message\":"
                    + "\"{{after}} {{number}} {{repository.full_name}} {{event}} {{command.name}}\"}}]},"
                    + "{\"on\":\"*\",\"tasks\":[{\"log\":{\"message\":\"{{anything.at.all}}\"}}]},"
                    + "{\"on\":\"brand_new_event\",\"tasks\":[{\"log\":{\"message\":\"{{x}}\"}}]}]"))
        .hasSize(3);
  }
}
