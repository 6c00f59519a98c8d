package io.devhost.server.examples;

import static org.assertj.core.api.Assertions.fail;

import io.devhost.server.cli.DevhostCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Checks a documented {@code devhost} command line against the real CLI definition. */
final class DevhostCommandLines {

  /**
   * The HTTP transport flags of {@code devhost serve}, with whether each takes a value. They are
   * being built on another branch; until {@code serve} declares one, it is accepted here and left
   * out of the parse. Once declared, it is parsed and checked like every other option.
   */
  private static final Map<String, Boolean> PENDING_HTTP_FLAGS =
      Map.of("--http", false, "--port", true, "--bind", true, "--token", true);

  private DevhostCommandLines() {}

  /** Fails with picocli's message when {@code args} (after "devhost") would not parse. */
  static void assertParses(List<String> args, String where) {
    var cli = DevhostCommand.commandLine();
    List<String> checked = withoutPendingFlags(cli, args);
    try {
      cli.parseArgs(checked.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      fail("%s: devhost %s does not parse: %s", where, String.join(" ", args), e.getMessage());
    }
  }

  private static List<String> withoutPendingFlags(CommandLine cli, List<String> args) {
    var serve = cli.getSubcommands().get("serve").getCommandSpec();
    var kept = new ArrayList<String>();
    for (int i = 0; i < args.size(); i++) {
      String name = args.get(i).split("=", 2)[0];
      Boolean takesValue = PENDING_HTTP_FLAGS.get(name);
      if (takesValue == null || serve.findOption(name) != null) {
        kept.add(args.get(i));
      } else if (takesValue && !args.get(i).contains("=")) {
        i++;
      }
    }
    return kept;
  }

  /** Splits a shell command line into words, honouring single and double quotes. */
  static List<String> words(String line) {
    var words = new ArrayList<String>();
    var word = new StringBuilder();
    char quote = 0;
    boolean inWord = false;
    for (char c : line.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
