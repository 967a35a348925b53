package io.gitbridge.cli.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML document that remembers where each key path stands: {@code queue.max_size}, {@code
 * routes[0].tasks[1].commit-status.state}, {@code github.webhook_secrets[1]}. The paths are spelled
 * exactly as the core's {@code ConfigurationException.key()} spells them, so any error can be
 * brought back to its line. Duplicate keys are problems too (YAML forbids them; a silent "last one
 * wins" hides typos).
 */
final class YamlDocument {
  /** YAML 1.2 reading: an empty value is null, and yes/no/on/off are words, not booleans. */
  private static final YAMLFactory YAML =
      YAMLFactory.builder()
          .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
          .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
          .build();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** A 1-based line and column. */
  record Position(int line, int column) {}

  /** A problem found while reading the structure, before any key is interpreted. */
  record Problem(int line, String key, String message) {}

  private final JsonNode root;
  private final Map<String, Position> positions;
  private final Map<String, String> scalars;
  private final List<Problem> problems;
  private final boolean wellFormed;

  private YamlDocument(
      JsonNode root,
      Map<String, Position> positions,
      Map<String, String> scalars,
      List<Problem> problems,
      boolean wellFormed) {
    this.root = root;
    this.wellFormed = wellFormed;
    this.positions = positions;
    this.scalars = scalars;
    this.problems = problems;
  }

  /** Parses {@code text}; a syntax error gives an empty document with one problem. */
  static YamlDocument parse(String text) {
    Reader reader = new Reader();
    JsonNode root;
    boolean wellFormed = true;
    try (JsonParser parser = YAML.createParser(text)) {
      JsonToken first = parser.nextToken();
      root = first == null ? NODES.objectNode() : reader.value(parser, "");
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      reader.problems.clear();
      reader.problems.add(
          new Problem(at == null ? 0 : at.getLineNr(), "(yaml)", syntax(e.getOriginalMessage())));
      root = NODES.objectNode();
      wellFormed = false;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a String does not fail
    }
    return new YamlDocument(
        root, reader.positions, reader.scalars, List.copyOf(reader.problems), wellFormed);
  }

  /** SnakeYAML's messages quote the document; keep only the explanation. */
  private static String syntax(String message) {
    StringBuilder kept = new StringBuilder("invalid YAML:");
    for (String part : message.split("\n")) {
      String trimmed = part.trim();
      if (!trimmed.isEmpty() && !part.startsWith(" ") && !trimmed.startsWith("in 'reader'")) {
        kept.append(' ').append(trimmed);
      }
    }
    return kept.toString();
  }

  JsonNode root() {
    return root;
  }

  List<Problem> problems() {
    return problems;
  }

  /** False after a syntax error: the tree is empty and only the error means anything. */
  boolean wellFormed() {
    return wellFormed;
  }

  /**
   * The line of {@code path}, or of its nearest ancestor that is in the file; 0 if none is (the
   * empty path is the document itself).
   */
  int lineOf(String path) {
    String p = path;
    while (!p.isEmpty()) {
      Position at = positions.get(p);
      if (at != null) {
        return at.line();
      }
      p = parent(p);
    }
    Position document = positions.get("");
    return path.isEmpty() && document != null ? document.line() : 0;
  }

  /** Whether {@code path} itself is in the file. */
  boolean has(String path) {
    return positions.containsKey(path);
  }

  /** The scalar at {@code path} exactly as written (so {@code 0x1F} stays {@code 0x1F}). */
  String scalarText(String path) {
    return scalars.get(path);
  }

  /** The path of the value starting last at or before {@code column} on {@code line}, or null. */
  String keyAt(int line, int column) {
    String best = null;
    int bestColumn = -1;
    for (Map.Entry<String, Position> e : positions.entrySet()) {
      Position at = e.getValue();
      if (!e.getKey().isEmpty()
          && at.line() == line
          && at.column() <= column
          && at.column() >= bestColumn) {
        best = e.getKey();
        bestColumn = at.column();
      }
    }
    return best;
  }

  static String parent(String path) {
    int dot = path.lastIndexOf('.');
    int bracket = path.lastIndexOf('[');
    int cut = Math.max(dot, bracket);
    return cut < 0 ? "" : path.substring(0, cut);
  }

  /** Builds the tree token by token, noting each path's position. */
  private static final class Reader {
    final Map<String, Position> positions = new LinkedHashMap<>();
    final Map<String, String> scalars = new LinkedHashMap<>();
    final List<Problem> problems = new ArrayList<>();
    final Map<String, JsonNode> anchors = new LinkedHashMap<>();

    /** Reads the value at the current token; {@code &anchor}s are kept for {@code *alias}es. */
    JsonNode value(JsonParser p, String path) throws IOException {
      if (path.isEmpty()) {
        positions.put("", position(p));
      }
      YAMLParser yaml = (YAMLParser) p;
      if (yaml.isCurrentAlias()) {
        JsonNode target = anchors.get(p.getText());
        if (target == null) {
          problems.add(
              new Problem(
                  position(p).line(),
                  path,
                  "unknown alias *" + p.getText() + " (anchors work on mappings and lists only)"));
          return NODES.nullNode();
        }
        return target.deepCopy();
      }
      String anchor = yaml.getObjectId(); // Jackson reports anchors of mappings and lists only
      JsonNode value = plainValue(p, path);
      if (anchor != null) {
        anchors.put(anchor, value);
      }
      return value;
    }

    private JsonNode plainValue(JsonParser p, String path) throws IOException {
      JsonToken token = p.currentToken();
      if (token == JsonToken.START_OBJECT) {
        ObjectNode object = NODES.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          String child = path.isEmpty() ? name : path + "." + name;
          Position at = position(p);
          p.nextToken();
          JsonNode value = value(p, child);
          if (object.has(name)) {
            problems.add(new Problem(at.line(), child, "duplicate key"));
          } else {
            positions.put(child, at);
            object.set(name, value);
          }
        }
        return object;
      }
      if (token == JsonToken.START_ARRAY) {
        ArrayNode array = NODES.arrayNode();
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          String child = path + "[" + index++ + "]";
          positions.putIfAbsent(child, position(p));
          array.add(value(p, child));
        }
        return array;
      }
      scalars.put(path, p.getText());
      switch (token) {
        case VALUE_NUMBER_INT:
          switch (p.getNumberType()) {
            case INT:
              return NODES.numberNode(p.getIntValue());
            case LONG:
              return NODES.numberNode(p.getLongValue());
            default:
              return NODES.numberNode(p.getBigIntegerValue());
          }
        case VALUE_NUMBER_FLOAT:
          return NODES.numberNode(p.getDoubleValue());
        case VALUE_TRUE:
        case VALUE_FALSE:
          return NODES.booleanNode(p.getBooleanValue());
        case VALUE_NULL:
          return NODES.nullNode();
        default:
          return NODES.textNode(p.getText());
      }
    }

    private static Position position(JsonParser p) {
      JsonLocation at = p.currentTokenLocation();
      return new Position(at.getLineNr(), at.getColumnNr());
    }
  }
}
