package io.gitbridge.http.internal;

import static java.util.Objects.requireNonNull;

import io.gitbridge.core.GitBridge;
import io.gitbridge.core.health.Health;
import io.gitbridge.core.health.HealthCheck;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /readyz}: the built-in {@code workers} component and every health check. 200 while the
 * worst is up or degraded, 503 when one is down. A check that throws counts as down.
 */
public final class ReadinessEndpoint implements Endpoint {
  public static final String WORKERS = "workers";

  private static final Logger log = LoggerFactory.getLogger(ReadinessEndpoint.class);

  private final GitBridge bridge;
  private final List<HealthCheck> checks;

  public ReadinessEndpoint(GitBridge bridge, List<HealthCheck> checks) {
    this.bridge = requireNonNull(bridge, "bridge == null");
    this.checks = List.copyOf(checks);
  }

  @Override
  public Response handle(Request request) {
    request.requireMethod("GET");
    Map<String, Health> components = new LinkedHashMap<>();
    components.put(
        WORKERS,
        bridge.isRunning() ? Health.up("running") : Health.down("workers are not running"));
    for (HealthCheck check : checks) {
      components.put(check.name(), run(check));
    }
    Health.Status worst = Health.Status.UP;
    Map<String, Object> report = new LinkedHashMap<>();
    for (Map.Entry<String, Health> c : components.entrySet()) {
      Health h = c.getValue();
      if (h.status().compareTo(worst) > 0) {
        worst = h.status();
      }
      Map<String, Object> component = new LinkedHashMap<>();
      component.put("status", label(h.status()));
      component.put("detail", h.detail());
      report.put(c.getKey(), component);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("status", label(worst));
    json.put("components", report);
    return Response.json(worst == Health.Status.DOWN ? 503 : 200, json);
  }

  private static Health run(HealthCheck check) {
    try {
      Health h = check.check();
      return h != null ? h : Health.down("no answer");
    } catch (RuntimeException e) {
      log.warn("health check {} failed", check.name(), e);
      return Health.down("check failed");
    }
  }

  private static String label(Health.Status status) {
    return status.name().toLowerCase(Locale.ROOT);
  }
}
