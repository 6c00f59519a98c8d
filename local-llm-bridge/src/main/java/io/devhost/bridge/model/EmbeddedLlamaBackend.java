package io.devhost.bridge.model;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.Pair;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A GGUF model run in-process by llama.cpp ({@code de.kherud:llama}).
 *
 * <p>Sharp edges handled here: the prompt is rendered with the model's own chat template ({@code
 * applyTemplate}, Jinja enabled); prompts are checked against the context size before generating,
 * because an overflow trips a native assert that kills the JVM; llama.cpp's own logging is off (it
 * writes to stderr from native code). The library's native threads keep the JVM alive after {@link
 * #close()}: the CLI exits explicitly.
 */
public final class EmbeddedLlamaBackend implements ModelBackend {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedLlamaBackend.class);
  private static final String THINK_OPEN = "<think>\n";

  private final EmbeddedSettings settings;
  private final LlamaModel model;
  private final ThoughtGrammar grammars = new ThoughtGrammar();

  public EmbeddedLlamaBackend(EmbeddedSettings settings) {
    this.settings = settings;
    if (!Files.isReadable(settings.model())) {
      throw new ModelException(
          "cannot read the model file "
              + settings.model()
              + ": give the path of a GGUF file, e.g. DeepSeek-R1-Distill-Qwen-7B-Q4_K_M.gguf");
    }
    this.model = load(settings);
  }

  private static LlamaModel load(EmbeddedSettings settings) {
    var params =
        new ModelParameters()
            .setModel(settings.model().toString())
            .setThreads(settings.threads())
            .setCtxSize(settings.contextTokens())
            .enableJinja()
            .disableLog();
    if (settings.gpuLayers() > 0) { // even 0 makes a CPU-only build warn about the missing GPU
      params.setGpuLayers(settings.gpuLayers());
    }
    // The library announces where it extracted its native code on System.out, which is where the
    // CLI prints answers: silence it while the native side loads.
    PrintStream stdout = System.out;
    System.setOut(new PrintStream(java.io.OutputStream.nullOutputStream()));
    try {
      return new LlamaModel(params);
    } catch (RuntimeException e) {
      throw new ModelException(
          "llama.cpp could not load " + settings.model() + ": " + e.getMessage(), e);
    } finally {
      System.setOut(stdout);
    }
  }

  @Override
  public String describe() {
    return "embedded " + settings.model().getFileName();
  }

  @Override
  public int contextTokens() {
    return settings.contextTokens();
  }

  @Override
  public synchronized Generation generate(GenerationRequest request, TokenListener listener) {
    long start = System.nanoTime();
    String prompt = prompt(request);
    int promptTokens = model.encode(prompt).length;
    int room = settings.contextTokens() - promptTokens - 1;
    if (room < 16) {
      throw new ModelException(
          "the prompt has "
              + promptTokens
              + " tokens and the context holds "
              + settings.contextTokens()
              + ": raise --ctx-size or shorten the task");
    }
    int limit = Math.min(request.maxTokens(), room);
    var params =
        new InferenceParameters(prompt)
            .setNPredict(limit)
            .setTemperature((float) request.sampling().temperature())
            .setTopP((float) request.sampling().topP())
            .setCachePrompt(true);
    if (request.sampling().seed() >= 0) {
      params.setSeed((int) request.sampling().seed());
    }
    String grammar =
        request.schema() == null ? null : grammars.grammar(request.schema(), request.think());
    if (grammar != null) {
      params.setGrammar(grammar);
    }
    var split = new ThinkSplitter(request.think(), listener);
    int generated = 0;
    Generation.Finish finish = Generation.Finish.STOP;
    LlamaIterator tokens = model.generate(params).iterator();
    while (tokens.hasNext()) {
      LlamaOutput out = tokens.next();
      if (out.text.isEmpty()) {
        continue; // the closing message of a stream carries no token
      }
      generated++;
      split.accept(out.text);
      if (listener.shouldStop()) {
        tokens.cancel();
        finish = Generation.Finish.CANCELLED;
        break;
      }
    }
    split.finish();
    if (finish == Generation.Finish.STOP && generated >= limit) {
      finish = Generation.Finish.LENGTH;
    }
    var elapsed = Duration.ofNanos(System.nanoTime() - start);
    LOG.debug("generated {} tokens in {} ({})", generated, elapsed, finish);
    return new Generation(
        split.reasoning(),
        split.content(),
        split.reasoningClosed() || !request.think(),
        promptTokens,
        generated,
        elapsed,
        finish);
  }

  /**
   * Renders the turns with the model's template and opens the assistant turn in reasoning. When the
   * reasoning was cut off earlier, it is closed here so the answer follows directly.
   */
  String prompt(GenerationRequest request) {
    List<Pair<String, String>> messages =
        request.turns().stream().map(t -> new Pair<>(t.role().wireName(), t.content())).toList();
    String rendered = model.applyTemplate(new InferenceParameters("").setMessages(null, messages));
    String base =
        rendered.endsWith(THINK_OPEN)
            ? rendered.substring(0, rendered.length() - THINK_OPEN.length())
            : rendered;
    if (request.think()) {
      return base + THINK_OPEN;
    }
    String prior = request.priorReasoning() == null ? "" : request.priorReasoning().strip();
    return base + THINK_OPEN + prior + "\n</think>\n\n";
  }

  @Override
  public synchronized void close() {
    model.close();
  }
}
