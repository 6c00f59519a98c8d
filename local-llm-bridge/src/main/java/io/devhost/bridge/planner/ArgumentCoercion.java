package io.devhost.bridge.planner;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Repairs arguments that fail their schema where exactly one conversion makes them valid: a string
 * holding an integer, a number or a boolean where the schema wants that type; a single value where
 * it wants an array; an integer where it wants a string. R1 distills often quote numbers ({@code
 * "maxCount": "3"}); converting saves a model call, which costs tens of seconds on a CPU.
 *
 * <p>A conversion never changes a value's meaning: {@code "3.5"} is not an integer, {@code "03"}
 * and {@code "1e3"} are not integers either (each has another reading), a fractional number is not
 * turned into a string (the JSON parser already dropped its written form: {@code 1.10} arrives as
 * 1.1), and a property whose schema allows several types is left alone. Each conversion is noted so
 * the transcript shows it.
 */
final class ArgumentCoercion {

  private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
  private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");

  /** The arguments with their conversions, and one note per conversion. */
  record Coerced(Map<String, Object> arguments, List<String> notes) {}

  private ArgumentCoercion() {}

  /** The converted arguments, or empty when no property needed (or allowed) a conversion. */
  static Optional<Coerced> coerce(Map<String, Object> schema, Map<String, Object> arguments) {
    if (schema == null || !(schema.get("properties") instanceof Map<?, ?> properties)) {
      return Optional.empty();
    }
    var converted = new LinkedHashMap<>(arguments);
    var notes = new ArrayList<String>();
    arguments.forEach(
        (name, value) -> {
          if (properties.get(name) instanceof Map<?, ?> property) {
            convert(property, value)
                .ifPresent(
                    v -> {
                      converted.put(name, v);
                      notes.add(name + ": " + show(value) + " -> " + show(v));
                    });
          }
        });
    return notes.isEmpty() ? Optional.empty() : Optional.of(new Coerced(converted, notes));
  }

  /**
   * The one value of the property's type that {@code value} stands for, if there is exactly one.
   */
  private static Optional<Object> convert(Map<?, ?> property, Object value) {
    if (!(property.get("type") instanceof String type)
        || property.containsKey("anyOf")
        || property.containsKey("oneOf")) {
      return Optional.empty(); // several types allowed: no single reading
    }
    return switch (type) {
      case "integer" ->
          value instanceof String s && INTEGER.matcher(s).matches()
              ? Optional.of(integer(new BigInteger(s)))
              : Optional.empty();
      case "number" ->
          value instanceof String s && NUMBER.matcher(s).matches()
              ? Optional.of(number(new BigDecimal(s)))
              : Optional.empty();
      case "boolean" ->
          value instanceof String s && (s.equals("true") || s.equals("false"))
              ? Optional.of(Boolean.valueOf(s))
              : Optional.empty();
      case "string" ->
          value instanceof Integer || value instanceof Long || value instanceof BigInteger
              ? Optional.of(value.toString())
              : Optional.empty();
      case "array" ->
          value instanceof List<?>
              ? Optional.empty()
              : Optional.of(List.of(item(property.get("items"), value)));
      default -> Optional.empty();
    };
  }

  private static Object item(Object itemSchema, Object value) {
    if (itemSchema instanceof Map<?, ?> items) {
      return convert(items, value).orElse(value);
    }
    return value;
  }

  private static Object integer(BigInteger v) {
    return v.bitLength() < 32 ? (Object) v.intValue() : v.bitLength() < 64 ? v.longValue() : v;
  }

  private static Object number(BigDecimal v) {
    if (v.scale() <= 0) {
      return integer(v.toBigIntegerExact());
    }
    return v.doubleValue();
  }

  private static String show(Object v) {
    if (v instanceof String s) {
      return "\"" + s + "\"";
    }
    if (v instanceof List<?> l) {
      return l.stream().map(ArgumentCoercion::show).toList().toString();
    }
    return String.valueOf(v);
  }
}
