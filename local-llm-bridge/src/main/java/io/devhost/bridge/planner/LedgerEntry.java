package io.devhost.bridge.planner;

/**
 * What one tool call taught, with where it came from.
 *
 * @param id the number the model cites and passes to {@code ledger_read}
 * @param arguments the call's arguments as compact JSON (the provenance of the fact)
 * @param result the whole result text, kept so the part cut from the prompt stays readable
 * @param fact a compact excerpt of the result, fed back every step
 */
public record LedgerEntry(
    int id,
    int step,
    String server,
    String tool,
    String arguments,
    boolean error,
    String result,
    String fact) {

  /** Provenance line: where the fact came from. */
  String source() {
    return "#" + id + " " + server + "/" + tool + " " + arguments;
  }
}
