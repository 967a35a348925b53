package io.gitbridge.http.internal;

import java.util.Map;

/** {@code GET /healthz}: 200 for as long as the process can answer at all. */
public final class HealthEndpoint implements Endpoint {
  @Override
  public Response handle(Request request) {
    request.requireMethod("GET");
    return Response.json(200, Map.of("status", "up"));
  }
}
