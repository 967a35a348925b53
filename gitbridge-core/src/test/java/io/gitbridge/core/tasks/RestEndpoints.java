package io.gitbridge.core.tasks;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitbridge.core.github.GitHubEndpoint;
import io.gitbridge.core.github.GitHubRequest;
import io.gitbridge.core.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The operations of GitHub's REST API that GitBridge calls, as GitHub's OpenAPI description
 * documents them (the hand-written resource {@code rest-endpoints.json}), and a check of a {@link
 * GitHubRequest} against them.
 *
 * <p>Test support; immutable, so thread-safe.
 */
final class RestEndpoints {
  static final String RESOURCE = "/io/gitbridge/core/github/rest-endpoints.json";

  private final JsonNode root;

  private RestEndpoints(JsonNode root) {
    this.root = root;
  }

  static RestEndpoints load() {
    try (InputStream in = RestEndpoints.class.getResourceAsStream(RESOURCE)) {
      requireNonNull(in, RESOURCE + " is missing");
      return new RestEndpoints(Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode source() {
    return root.path("source");
  }

  List<JsonNode> operations() {
    List<JsonNode> out = new ArrayList<>();
    root.path("operations").forEach(out::add);
    return out;
  }

  /** The documented operation a constant stands for, or {@code null} if the resource lacks it. */
  JsonNode operation(GitHubEndpoint endpoint) {
    for (JsonNode op : root.path("operations")) {
      if (op.path("endpoint").asText().equals(endpoint.name())) {
        return op;
      }
    }
    return null;
  }

  /** Every way {@code request} departs from the description; empty when GitHub documents it. */
  List<String> violations(GitHubRequest request) {
    List<String> out = new ArrayList<>();
    JsonNode op = operation(request.endpoint());
    if (op == null) {
      out.add(request.endpoint() + " is not in " + RESOURCE);
      return out;
    }
    String where = op.path("operation_id").asText() + " " + request + ": ";
    checkPath(op, request, where, out);
    Set<String> query = names(op.path("query_params"));
    request
        .query()
        .forEach(
            (name, value) -> {
              if (!query.contains(name)) {
                out.add(where + "query parameter '" + name + "' is not documented");
              }
              checkEnum(op.path("query_enums").path(name), name, value, where, out);
            });
    JsonNode body = op.path("body");
    if (body.isNull()) {
      if (request.body() != null) {
        out.add(where + "sends a body; none is documented");
      }
    } else if (request.body() == null) {
      if (body.path("required_body").asBoolean()) {
        out.add(where + "sends no body; one is required");
      }
    } else {
      checkObject(body, request.body(), where, out);
      for (JsonNode rule : body.path("conditional_required")) {
        boolean applies = true;
        for (Map.Entry<String, JsonNode> w : rule.path("when").properties()) {
          applies &= w.getValue().equals(request.body().path(w.getKey()));
        }
        for (JsonNode field : rule.path("required")) {
          if (applies && !request.body().hasNonNull(field.asText())) {
            out.add(where + "'" + field.asText() + "' is required with " + rule.path("when"));
          }
        }
      }
    }
    return out;
  }

  private static void checkPath(
      JsonNode op, GitHubRequest request, String where, List<String> out) {
    if (!request.pathParameters().keySet().equals(names(op.path("path_params")))) {
      out.add(where + "path parameters " + request.pathParameters().keySet() + " are not " + op);
    }
    String path = request.path().replaceFirst("\\?.*", "");
    String template = op.path("path").asText();
    String shape = Pattern.quote(template).replaceAll("\\{[a-z_]+}", "\\\\E[^/{}?]+\\\\Q");
    if (path.contains("{") || path.contains("}") || !path.matches(shape)) {
      out.add(where + "path " + path + " does not fill " + template);
    }
  }

  private static void checkObject(JsonNode spec, JsonNode body, String where, List<String> out) {
    if (!body.isObject()) {
      out.add(where + "body " + body + " is not a JSON object");
      return;
    }
    Set<String> allowed = names(spec.path("properties"));
    body.fieldNames()
        .forEachRemaining(
            f -> {
              if (!allowed.contains(f)) {
                out.add(where + "'" + f + "' is not a documented body property");
              }
            });
    for (JsonNode field : spec.path("required")) {
      if (!body.hasNonNull(field.asText())) {
        out.add(where + "required body property '" + field.asText() + "' is missing");
      }
    }
    for (Map.Entry<String, JsonNode> e : spec.path("enums").properties()) {
      if (body.has(e.getKey())) {
        checkEnum(e.getValue(), e.getKey(), body.get(e.getKey()).asText(), where, out);
      }
    }
    limits(spec, body, where, out);
    for (Map.Entry<String, JsonNode> e : spec.path("objects").properties()) {
      if (body.has(e.getKey())) {
        checkObject(e.getValue(), body.get(e.getKey()), where + e.getKey() + ".", out);
      }
    }
  }

  private static void limits(JsonNode spec, JsonNode body, String where, List<String> out) {
    spec.path("min_items")
        .properties()
        .forEach(
            e -> {
              if (body.has(e.getKey()) && body.get(e.getKey()).size() < e.getValue().asInt()) {
                out.add(where + "'" + e.getKey() + "' has fewer than " + e.getValue() + " items");
              }
            });
    spec.path("max_properties")
        .properties()
        .forEach(
            e -> {
              if (body.has(e.getKey()) && body.get(e.getKey()).size() > e.getValue().asInt()) {
                out.add(where + "'" + e.getKey() + "' has more than " + e.getValue() + " entries");
              }
            });
    spec.path("max_length")
        .properties()
        .forEach(
            e -> {
              if (body.path(e.getKey()).asText().length() > e.getValue().asInt()) {
                out.add(where + "'" + e.getKey() + "' is longer than " + e.getValue());
              }
            });
    spec.path("min_length")
        .properties()
        .forEach(
            e -> {
              if (body.has(e.getKey())
                  && body.get(e.getKey()).asText().length() < e.getValue().asInt()) {
                out.add(where + "'" + e.getKey() + "' is shorter than " + e.getValue());
              }
            });
  }

  private static void checkEnum(
      JsonNode values, String name, String value, String where, List<String> out) {
    if (!values.isMissingNode() && !names(values).contains(value)) {
      out.add(where + "'" + name + "' = '" + value + "' is not one of " + values);
    }
  }

  static Set<String> names(JsonNode array) {
    Set<String> out = new HashSet<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
