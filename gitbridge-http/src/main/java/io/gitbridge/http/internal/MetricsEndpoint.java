package io.gitbridge.http.internal;

import static java.util.Objects.requireNonNull;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** {@code GET /metrics}: the registry in Prometheus' text exposition format, version 0.0.4. */
public final class MetricsEndpoint implements Endpoint {
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;

  public MetricsEndpoint(PrometheusMeterRegistry registry) {
    this.registry = requireNonNull(registry, "registry == null");
  }

  @Override
  public Response handle(Request request) {
    request.requireMethod("GET");
    return Response.text(200, CONTENT_TYPE, registry.scrape());
  }
}
