package io.devhost.github;

import io.devhost.core.Json;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.type.TypeReference;

/**
 * The {@code fields} option: a caller that needs only a few fields of each item gets only those,
 * which keeps big listings small. Unselected fields are left out of the result, not nulled.
 */
final class Fields {

  static final String DESCRIPTION = "Return only these fields of each item, e.g. [number,title].";
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private Fields() {}

  /** Checks names against the item type's fields, in the input record's compact constructor. */
  static List<String> check(List<String> fields, Class<? extends Record> itemType) {
    if (fields == null || fields.isEmpty()) {
      return null;
    }
    Set<String> known =
        Arrays.stream(itemType.getRecordComponents())
            .map(RecordComponent::getName)
            .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
    for (String f : fields) {
      if (!known.contains(f)) {
        throw new IllegalArgumentException("Unknown field '" + f + "'. Fields: " + known + ".");
      }
    }
    return List.copyOf(fields);
  }

  static <T extends Record> List<T> select(List<T> items, List<String> fields, Class<T> type) {
    if (fields == null) {
      return items;
    }
    return items.stream().map(item -> select(item, fields, type)).toList();
  }

  static <T extends Record> T select(T item, List<String> fields, Class<T> type) {
    if (fields == null) {
      return item;
    }
    Map<String, Object> all = Json.MAPPER.convertValue(item, MAP);
    var kept = new LinkedHashMap<String, Object>();
    for (String f : fields) {
      if (all.containsKey(f)) {
        kept.put(f, all.get(f));
      }
    }
    return Json.MAPPER.convertValue(kept, type);
  }
}
