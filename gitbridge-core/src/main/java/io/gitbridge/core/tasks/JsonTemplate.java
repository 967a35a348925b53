package io.gitbridge.core.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.gitbridge.core.WebhookEvent;
import io.gitbridge.core.task.Template;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;

/** A JSON value whose string leaves are {@link Template}s, compiled once. */
final class JsonTemplate {
  private final JsonNode shape;
  private final Map<JsonNode, Template> leaves;

  private JsonTemplate(JsonNode shape, Map<JsonNode, Template> leaves) {
    this.shape = shape;
    this.leaves = leaves;
  }

  static JsonTemplate compile(JsonNode shape) {
    Map<JsonNode, Template> leaves = new IdentityHashMap<>();
    collect(shape, leaves);
    return new JsonTemplate(shape, leaves);
  }

  private static void collect(JsonNode node, Map<JsonNode, Template> leaves) {
    if (node.isTextual()) {
      leaves.put(node, Template.compile(node.asText()));
    }
    node.forEach(child -> collect(child, leaves));
  }

  /** Renders every string leaf; the configured shape itself is never modified. */
  JsonNode render(WebhookEvent event) {
    return render(shape, event);
  }

  private JsonNode render(JsonNode node, WebhookEvent event) {
    if (node.isTextual()) {
      return new TextNode(leaves.get(node).render(event));
    }
    if (node.isObject()) {
      ObjectNode out = ((ObjectNode) node).objectNode();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        out.set(f.getKey(), render(f.getValue(), event));
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = ((ArrayNode) node).arrayNode();
      node.forEach(child -> out.add(render(child, event)));
      return out;
    }
    return node;
  }
}
