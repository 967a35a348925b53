package io.gitbridge.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Typed reads of a {@link YamlDocument} by key path. A wrong value is reported to the {@link
 * ProblemList} (with its line) and the default is returned, so that reading goes on and every
 * problem is found in one pass. An absent key, {@code null} and a blank string all mean "not set".
 * Readers of secrets never quote the value in a problem.
 */
final class ConfigReader {
  private final YamlDocument doc;
  private final ProblemList problems;

  ConfigReader(YamlDocument doc, ProblemList problems) {
    this.doc = doc;
    this.problems = problems;
  }

  YamlDocument document() {
    return doc;
  }

  void problem(String path, String message) {
    problems.add(doc.lineOf(path), path, message);
  }

  /** The node at a dotted path of plain keys, or null if absent, null or a blank string. */
  JsonNode node(String path) {
    JsonNode n = doc.root();
    for (String part : path.split("\\.")) {
      n = n.isObject() ? n.get(part) : null;
      if (n == null || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
        return null;
      }
    }
    return n;
  }

  /** Checks that {@code path} (empty for the document) is a mapping of {@code known} keys only. */
  void mapping(String path, List<String> known) {
    JsonNode n = path.isEmpty() ? doc.root() : node(path);
    if (n == null) {
      return;
    }
    if (!n.isObject()) {
      problem(path, "expected a mapping of " + String.join(", ", known) + ", got " + describe(n));
      return;
    }
    Iterator<String> names = n.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        problem(path.isEmpty() ? name : path + "." + name, unknownKey(name, known));
      }
    }
  }

  /** A scalar as written; any scalar type is accepted, so a secret like {@code 0x1F} stays so. */
  String string(String path, String defaultValue) {
    JsonNode n = node(path);
    if (n == null) {
      return defaultValue;
    }
    if (!n.isValueNode()) {
      problem(path, "expected a single value, got " + describe(n));
      return defaultValue;
    }
    String text = doc.scalarText(path);
    return text == null || text.isBlank() ? defaultValue : text;
  }

  int wholeNumber(String path, int defaultValue, int min, int max) {
    JsonNode n = node(path);
    if (n == null) {
      return defaultValue;
    }
    BigInteger value = null;
    if (n.isIntegralNumber()) {
      value = n.bigIntegerValue();
    } else if (n.isTextual() && n.asText().trim().matches("-?\\d{1,30}")) {
      value = new BigInteger(n.asText().trim());
    }
    if (value == null) {
      problem(path, "expected a whole number, got " + describe(n));
      return defaultValue;
    }
    if (value.compareTo(BigInteger.valueOf(min)) < 0
        || value.compareTo(BigInteger.valueOf(max)) > 0) {
      problem(path, range(min, max) + ", got " + value);
      return defaultValue;
    }
    return value.intValue();
  }

  double decimal(String path, double defaultValue, double min) {
    JsonNode n = node(path);
    if (n == null) {
      return defaultValue;
    }
    Double value = null;
    if (n.isNumber()) {
      value = n.doubleValue();
    } else if (n.isTextual() && n.asText().trim().matches("-?\\d{1,15}(\\.\\d{1,15})?")) {
      value = Double.valueOf(n.asText().trim());
    }
    if (value == null || value.isInfinite()) {
      problem(path, "expected a number, got " + describe(n));
      return defaultValue;
    }
    if (value < min) {
      problem(path, "must be at least " + plain(min) + ", got " + describe(n));
      return defaultValue;
    }
    return value;
  }

  Boolean bool(String path, Boolean defaultValue) {
    JsonNode n = node(path);
    if (n == null) {
      return defaultValue;
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    String text = n.isTextual() ? n.asText().trim().toLowerCase(Locale.ROOT) : "";
    if (text.equals("true") || text.equals("false")) {
      return Boolean.valueOf(text);
    }
    problem(path, "expected true or false, got " + describe(n));
    return defaultValue;
  }

  /** A positive duration: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, or whole seconds. */
  Duration duration(String path, Duration defaultValue) {
    JsonNode n = node(path);
    if (n == null) {
      return defaultValue;
    }
    Duration value = null;
    if (n.isValueNode() && !n.isBoolean()) {
      try {
        value = Durations.parse(doc.scalarText(path));
      } catch (IllegalArgumentException e) {
        value = null;
      }
    }
    if (value == null) {
      problem(path, "expected a duration like 30s, 5m, 1h or 500ms, got " + describe(n));
      return defaultValue;
    }
    if (value.isZero()) {
      problem(path, "must be longer than 0, got " + describe(n));
      return defaultValue;
    }
    return value;
  }

  /** A list of non-blank strings; a single value is a list of one. */
  List<String> strings(String path) {
    JsonNode n = node(path);
    List<String> out = new ArrayList<>();
    if (n == null) {
      return out;
    }
    if (n.isValueNode()) {
      String one = string(path, null);
      if (one != null) {
        out.add(one);
      }
      return out;
    }
    if (!n.isArray()) {
      problem(path, "expected a list of strings, got " + describe(n));
      return out;
    }
    for (int i = 0; i < n.size(); i++) {
      String item = path + "[" + i + "]";
      if (!n.get(i).isValueNode() || n.get(i).isNull()) {
        problem(item, "expected a string, got " + describe(n.get(i)));
        continue;
      }
      String text = doc.scalarText(item);
      if (text == null || text.isBlank()) {
        problem(item, "must not be blank");
      } else {
        out.add(text);
      }
    }
    return out;
  }

  /** One of {@code choices} (compared without case), or the default. */
  String choice(String path, String defaultValue, List<String> choices) {
    JsonNode n = node(path);
    String value = string(path, null);
    if (value == null) {
      return defaultValue;
    }
    String lower = value.toLowerCase(Locale.ROOT);
    if (!choices.contains(lower)) {
      problem(path, "expected one of " + String.join(", ", choices) + ", got " + describe(n));
      return defaultValue;
    }
    return lower;
  }

  /**
   * An absolute URL with one of {@code schemes} and a host.
   *
   * @param secret whether the URL may hold credentials, so that it is never quoted
   */
  URI url(String path, URI defaultValue, List<String> schemes, boolean secret) {
    String text = string(path, null);
    if (text == null) {
      return defaultValue;
    }
    try {
      URI uri = new URI(text.trim());
      if (uri.getScheme() != null
          && schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    problem(
        path,
        "expected a URL like "
            + schemes.get(0)
            + "://host:port"
            + (secret ? "" : ", got " + describe(node(path))));
    return defaultValue;
  }

  /** How a value is shown in a problem: strings quoted, containers by kind. */
  String describe(JsonNode n) {
    if (n == null || n.isNull()) {
      return "nothing";
    }
    if (n.isObject()) {
      return "a mapping";
    }
    if (n.isArray()) {
      return "a list";
    }
    if (n.isTextual()) {
      String text = n.asText();
      String cut = text.length() > 60 ? text.substring(0, 60) + "…" : text;
      return "\"" + cut.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
    return n.asText();
  }

  private static String plain(double number) {
    return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
  }

  private static String range(int min, int max) {
    return max == Integer.MAX_VALUE
        ? "must be at least " + min
        : "must be between " + min + " and " + max;
  }

  private static String unknownKey(String name, List<String> known) {
    for (String candidate : known) {
      if (distance(name, candidate) <= 2) {
        return "unknown key (did you mean '" + candidate + "'?)";
      }
    }
    return "unknown key (expected one of: " + String.join(", ", known) + ")";
  }

  /** Levenshtein distance, for suggestions. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
