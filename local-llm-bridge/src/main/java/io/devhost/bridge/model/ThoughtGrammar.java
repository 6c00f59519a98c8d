package io.devhost.bridge.model;

import de.kherud.llama.LlamaModel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * GBNF grammars for llama.cpp built from a JSON Schema, in two shapes: the answer alone, or free
 * reasoning, then {@code </think>}, then the answer. The second shape lets one generation both
 * think and emit a schema-valid action, so a step costs one model call.
 */
final class ThoughtGrammar {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  // Reasoning may contain anything except the start of a closing tag: "</" ends the thought, and
  // "</think>" is the only way out of it.
  private static final String THOUGHT_RULES =
      "\nroot ::= bridge-thought \"</think>\" [ \\n]{0,2} bridge-answer"
          + "\nbridge-thought ::= ( [^<] | \"<\" [^/] )*\n";

  private static final Logger LOG = LoggerFactory.getLogger(ThoughtGrammar.class);

  private final Map<String, String> answerGrammars = new ConcurrentHashMap<>();

  /**
   * The grammar for an answer that matches the schema, optionally after free reasoning; null when
   * llama.cpp cannot convert the schema (the reply is then parsed unconstrained).
   */
  String grammar(Map<String, Object> schema, boolean withThought) {
    String answer =
        answerGrammars.computeIfAbsent(JSON.writeValueAsString(schema), ThoughtGrammar::convert);
    if (answer.isEmpty()) {
      return null;
    }
    if (!withThought) {
      return answer;
    }
    return answer.replaceFirst("(?m)^root ::=", "bridge-answer ::=") + THOUGHT_RULES;
  }

  private static String convert(String schema) {
    try {
      return LlamaModel.jsonSchemaToGrammar(schema);
    } catch (RuntimeException e) {
      LOG.warn(
          "llama.cpp cannot turn the tools' schemas into a grammar ({}); actions are parsed"
              + " from free text",
          e.getMessage());
      return "";
    }
  }
}
