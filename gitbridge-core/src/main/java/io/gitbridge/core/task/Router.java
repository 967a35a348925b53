package io.gitbridge.core.task;

import io.gitbridge.core.WebhookEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks the chain for an event: the steps of every matching route, in the order the routes were
 * given. A checkpoint is an index into that list, so it stays valid as long as the routes do.
 */
public final class Router {
  private final List<Route> routes;

  public Router(List<Route> routes) {
    this.routes = List.copyOf(routes);
  }

  public List<Route> routes() {
    return routes;
  }

  /** The chain for {@code event}; empty when no route matches. */
  public List<Step> stepsFor(WebhookEvent event) {
    List<Step> steps = new ArrayList<>();
    for (Route route : routes) {
      if (route.matches(event)) {
        steps.addAll(route.steps());
      }
    }
    return steps;
  }
}
