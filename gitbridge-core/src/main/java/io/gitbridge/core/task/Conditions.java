package io.gitbridge.core.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitbridge.core.ConfigurationException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a route's {@code if:} mapping into a {@link Condition}. Every entry must hold:
 *
 * <ul>
 *   <li>{@code path: value} — the payload value at the dotted path equals the value;
 *   <li>{@code path: {in: [a, b]}} — equals one of them;
 *   <li>{@code path: {matches: regex}} — its text matches the whole regular expression;
 *   <li>{@code path: {exists: true|false}} — is present (and not null), or absent;
 *   <li>{@code not: {...}} — the nested mapping does not hold.
 * </ul>
 */
public final class Conditions {
  private Conditions() {}

  /**
   * @param key the key path of the mapping, for errors
   * @param node the mapping, or null for {@link Condition#ALWAYS}
   */
  public static Condition parse(String key, JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return Condition.ALWAYS;
    }
    if (!node.isObject()) {
      throw new ConfigurationException(key, "must be a mapping of payload path to value");
    }
    List<Condition> all = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String fieldKey = key + "." + field.getKey();
      if (field.getKey().equals("not")) {
        Condition inner = parse(fieldKey, field.getValue());
        all.add(event -> !inner.test(event));
      } else {
        all.add(pathCondition(fieldKey, field.getKey().split("\\.", -1), field.getValue()));
      }
    }
    return event -> {
      for (Condition c : all) {
        if (!c.test(event)) {
          return false;
        }
      }
      return true;
    };
  }

  private static Condition pathCondition(String key, String[] path, JsonNode expected) {
    for (String part : path) {
      if (part.isEmpty()) {
        throw new ConfigurationException(key, "has an empty path segment");
      }
    }
    if (!expected.isObject()) {
      if (expected.isArray()) {
        throw new ConfigurationException(key, "use {in: [...]} to match one of several values");
      }
      return event -> sameValue(EventValues.resolve(event, path), expected);
    }
    if (expected.size() != 1) {
      throw new ConfigurationException(key, "takes exactly one of in, matches, exists");
    }
    String operator = expected.fieldNames().next();
    JsonNode operand = expected.get(operator);
    switch (operator) {
      case "in":
        if (!operand.isArray()) {
          throw new ConfigurationException(key + ".in", "must be a list");
        }
        return event -> {
          JsonNode actual = EventValues.resolve(event, path);
          for (JsonNode candidate : operand) {
            if (sameValue(actual, candidate)) {
              return true;
            }
          }
          return false;
        };
      case "matches":
        Pattern pattern;
        try {
          pattern = Pattern.compile(operand.asText());
        } catch (PatternSyntaxException e) {
          throw new ConfigurationException(key + ".matches", "is not a valid regular expression");
        }
        return event -> {
          JsonNode actual = EventValues.resolve(event, path);
          return actual.isValueNode() && pattern.matcher(actual.asText()).matches();
        };
      case "exists":
        if (!operand.isBoolean()) {
          throw new ConfigurationException(key + ".exists", "must be true or false");
        }
        boolean wanted = operand.booleanValue();
        return event -> {
          JsonNode actual = EventValues.resolve(event, path);
          return (!actual.isMissingNode() && !actual.isNull()) == wanted;
        };
      default:
        throw new ConfigurationException(
            key + "." + operator, "is not a condition (in, matches, exists)");
    }
  }

  private static boolean sameValue(JsonNode actual, JsonNode expected) {
    if (actual.isMissingNode()) {
      return false;
    }
    if (actual.isNumber() && expected.isNumber()) {
      return actual.decimalValue().compareTo(expected.decimalValue()) == 0;
    }
    if (actual.isValueNode() && expected.isValueNode()) {
      return actual.getNodeType() == expected.getNodeType()
          ? actual.equals(expected)
          : actual.asText().equals(expected.asText()) && !actual.isNull();
    }
    return actual.equals(expected);
  }
}
