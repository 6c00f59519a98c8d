package io.devhost.bridge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a GGUF v3 file with random weights for llama.cpp's {@code qwen2} architecture, a small
 * byte-level BPE tokenizer, the DeepSeek-R1 special tokens and an R1-style chat template (the
 * assistant turn opens with {@code <think>}). Its output is gibberish unless a grammar constrains
 * it: it exists so that loading, templating, streaming, cancellation, grammar-constrained sampling
 * and speed can be tested without downloading weights.
 *
 * <p>Two shapes: {@link #tiny} (2 layers, hidden 64, 0.5 MB as f32; byte tokens >= 0x80 are unused
 * so the model only emits ASCII) and {@link #r1Qwen15b} (the DeepSeek-R1-Distill-Qwen-1.5B shape,
 * Q8_0 weights, ~1.9 GB; for the benchmark, not the tests).
 */
public final class TinyGguf {

  private static final int F32 = 0;
  private static final int Q8_0 = 8;
  private static final int T_UINT32 = 4;
  private static final int T_INT32 = 5;
  private static final int T_FLOAT32 = 6;
  private static final int T_BOOL = 7;
  private static final int T_STRING = 8;
  private static final int T_ARRAY = 9;
  private static final int TOK_NORMAL = 1;
  private static final int TOK_CONTROL = 3;
  private static final int TOK_USER_DEFINED = 4;
  private static final int TOK_UNUSED = 5;
  private static final int ALIGN = 32;
  private static final short Q8_SCALE = 0x0C78; // 0.02 / 73.3 as an IEEE half

  static final String BOS = "<｜begin▁of▁sentence｜>";
  static final String EOS = "<｜end▁of▁sentence｜>";
  static final String USER = "<｜User｜>";
  static final String ASSISTANT = "<｜Assistant｜>";

  /** The R1 template's shape: no system turn, and the assistant turn opens in reasoning. */
  static final String CHAT_TEMPLATE =
      "{{ bos_token }}"
          + "{%- for m in messages -%}{%- if m['role'] == 'system' -%}{{ m['content'] }}{%- endif -%}{%- endfor -%}"
          + "{%- for m in messages -%}"
          + "{%- if m['role'] == 'user' -%}{{ '"
          + USER
          + "' + m['content'] }}"
          + "{%- elif m['role'] == 'assistant' -%}{{ '"
          + ASSISTANT
          + "' + m['content'] + '"
          + EOS
          + "' }}"
          + "{%- endif -%}{%- endfor -%}"
          + "{%- if add_generation_prompt -%}{{ '"
          + ASSISTANT
          + "<think>\\n' }}{%- endif -%}";

  private record Shape(
      String name,
      int layers,
      int hidden,
      int heads,
      int kvHeads,
      int ffn,
      int vocab,
      int weightType,
      boolean realSpecialIds,
      boolean asciiOnly) {}

  private TinyGguf() {}

  /** The test model: 2 layers, written in a few milliseconds. */
  public static Path tiny(Path out) {
    return write(new Shape("random-tiny", 2, 64, 4, 2, 128, 0, F32, false, true), out);
  }

  /** DeepSeek-R1-Distill-Qwen-1.5B's shape with random Q8_0 weights, for speed measurements. */
  public static Path r1Qwen15b(Path out) {
    return write(
        new Shape(
            "random-R1-Distill-Qwen-1.5B-shape", 28, 1536, 12, 2, 8960, 151936, Q8_0, true, false),
        out);
  }

  private static final class Vocab {
    final List<String> tokens = new ArrayList<>();
    final List<Integer> types = new ArrayList<>();
    final List<String> merges = new ArrayList<>();
    final Map<String, Integer> ids = new LinkedHashMap<>();

    void add(String token, int type) {
      if (ids.putIfAbsent(token, tokens.size()) != null) {
        throw new IllegalStateException("duplicate token " + token);
      }
      tokens.add(token);
      types.add(type);
    }
  }

  /** GPT-2 byte-level BPE: each byte as a printable code point. */
  private static String[] byteSymbols() {
    String[] sym = new String[256];
    int next = 256;
    for (int b = 0; b < 256; b++) {
      boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE);
      sym[b] = new String(Character.toChars(printable ? b : next++));
    }
    return sym;
  }

  private static String toSymbols(String text, String[] sym) {
    var sb = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      sb.append(sym[b & 0xFF]);
    }
    return sb.toString();
  }

  private static Vocab vocab(Shape s) {
    String[] sym = byteSymbols();
    var v = new Vocab();
    var byteOrder = new ArrayList<Integer>();
    for (int b = 0; b < 256; b++) {
      byteOrder.add(b);
    }
    byteOrder.sort((x, y) -> Integer.compare(sym[x].codePointAt(0), sym[y].codePointAt(0)));
    for (int b : byteOrder) {
      v.add(sym[b], s.asciiOnly() && b >= 0x80 ? TOK_UNUSED : TOK_NORMAL);
    }
    String[] words = {
      " the",
      " a",
      " to",
      " of",
      " and",
      " is",
      " in",
      " I",
      " need",
      " call",
      " tool",
      " use",
      " file",
      " read",
      " search",
      " query",
      " result",
      " answer",
      " think",
      " step",
      "name",
      "arguments",
      "tool",
      "path",
      "query",
      "true",
      "false",
      "null",
      "{\"",
      "\":",
      "\",",
      "\"}",
      "\": \"",
      "\", \"",
      "},",
      "[]",
      "  ",
      "\n\n",
      ", ",
      "Okay",
      " so",
      " let",
      " me",
      " first"
    };
    var seen = new LinkedHashSet<String>();
    for (String w : words) {
      int[] cps = toSymbols(w, sym).codePoints().toArray();
      String left = new String(cps, 0, 1);
      for (int k = 1; k < cps.length; k++) {
        String right = new String(cps, k, 1);
        if (seen.add(left + " " + right)) {
          v.merges.add(left + " " + right);
        }
        if (!v.ids.containsKey(left + right)) {
          v.add(left + right, TOK_NORMAL);
        }
        left = left + right;
      }
    }
    String[] controls = {EOS, USER, ASSISTANT, BOS, "<|EOT|>"};
    int firstSpecial = s.realSpecialIds() ? 151643 : v.tokens.size(); // R1-Distill-Qwen's ids
    var random = new SplittableRandom(42 ^ 0x5DEECE66DL);
    while (v.tokens.size() < firstSpecial) {
      var w = new StringBuilder(random.nextBoolean() ? " " : "");
      int len = 2 + random.nextInt(8);
      for (int k = 0; k < len; k++) {
        w.append((char) ('a' + random.nextInt(26)));
      }
      String token = toSymbols(w.toString(), sym);
      if (!v.ids.containsKey(token)) {
        v.add(token, TOK_NORMAL);
      }
    }
    for (String control : controls) {
      v.add(control, TOK_CONTROL);
    }
    v.add("<think>", TOK_USER_DEFINED); // as in the R1 distills: text the model writes
    v.add("</think>", TOK_USER_DEFINED);
    for (int i = v.tokens.size(); i < s.vocab(); i++) {
      v.add("[PAD" + i + "]", TOK_UNUSED);
    }
    return v;
  }

  private record Tensor(String name, long[] ne, int type, boolean ones) {
    long elements() {
      long n = 1;
      for (long d : ne) {
        n *= d;
      }
      return n;
    }

    long bytes() {
      return switch (type) {
        case F32 -> elements() * 4;
        default -> elements() / 32 * 34; // Q8_0: fp16 scale + 32 int8 per block
      };
    }
  }

  private static List<Tensor> tensors(Shape s, int vocab) {
    long kv = (long) s.hidden() / s.heads() * s.kvHeads();
    int w = s.hidden() % 32 == 0 ? s.weightType() : F32;
    var t = new ArrayList<Tensor>();
    t.add(new Tensor("token_embd.weight", new long[] {s.hidden(), vocab}, w, false));
    for (int i = 0; i < s.layers(); i++) {
      String p = "blk." + i + ".";
      t.add(new Tensor(p + "attn_norm.weight", new long[] {s.hidden()}, F32, true));
      t.add(new Tensor(p + "attn_q.weight", new long[] {s.hidden(), s.hidden()}, w, false));
      t.add(new Tensor(p + "attn_k.weight", new long[] {s.hidden(), kv}, w, false));
      t.add(new Tensor(p + "attn_v.weight", new long[] {s.hidden(), kv}, w, false));
      t.add(new Tensor(p + "attn_q.bias", new long[] {s.hidden()}, F32, false));
      t.add(new Tensor(p + "attn_k.bias", new long[] {kv}, F32, false));
      t.add(new Tensor(p + "attn_v.bias", new long[] {kv}, F32, false));
      t.add(new Tensor(p + "attn_output.weight", new long[] {s.hidden(), s.hidden()}, w, false));
      t.add(new Tensor(p + "ffn_norm.weight", new long[] {s.hidden()}, F32, true));
      t.add(new Tensor(p + "ffn_gate.weight", new long[] {s.hidden(), s.ffn()}, w, false));
      t.add(new Tensor(p + "ffn_up.weight", new long[] {s.hidden(), s.ffn()}, w, false));
      t.add(
          new Tensor(
              p + "ffn_down.weight",
              new long[] {s.ffn(), s.hidden()},
              s.ffn() % 32 == 0 ? w : F32,
              false));
    }
    t.add(new Tensor("output_norm.weight", new long[] {s.hidden()}, F32, true));
    t.add(new Tensor("output.weight", new long[] {s.hidden(), vocab}, w, false));
    return t;
  }

  private static Path write(Shape s, Path out) {
    Vocab v = vocab(s);
    int vocab = v.tokens.size();
    List<Tensor> tensors = tensors(s, vocab);
    var h = new Header();
    h.string("general.architecture", "qwen2");
    h.string("general.name", s.name());
    h.u32("general.alignment", ALIGN);
    h.u32("qwen2.context_length", 32768);
    h.u32("qwen2.embedding_length", s.hidden());
    h.u32("qwen2.block_count", s.layers());
    h.u32("qwen2.feed_forward_length", s.ffn());
    h.u32("qwen2.attention.head_count", s.heads());
    h.u32("qwen2.attention.head_count_kv", s.kvHeads());
    h.f32("qwen2.rope.freq_base", 10000f);
    h.f32("qwen2.attention.layer_norm_rms_epsilon", 1e-6f);
    h.string("tokenizer.ggml.model", "gpt2");
    h.string("tokenizer.ggml.pre", "deepseek-r1-qwen");
    h.strings("tokenizer.ggml.tokens", v.tokens);
    h.ints("tokenizer.ggml.token_type", v.types);
    h.strings("tokenizer.ggml.merges", v.merges);
    h.u32("tokenizer.ggml.bos_token_id", v.ids.get(BOS));
    h.u32("tokenizer.ggml.eos_token_id", v.ids.get(EOS));
    h.u32("tokenizer.ggml.padding_token_id", v.ids.get(EOS));
    h.bool("tokenizer.ggml.add_bos_token", true);
    h.bool("tokenizer.ggml.add_eos_token", false);
    h.string("tokenizer.chat_template", CHAT_TEMPLATE);

    var meta = new Buf();
    meta.bytes("GGUF".getBytes(StandardCharsets.US_ASCII));
    meta.u32(3);
    meta.u64(tensors.size());
    meta.u64(h.count);
    meta.bytes(h.buf.toArray());
    long offset = 0;
    for (Tensor t : tensors) {
      meta.str(t.name());
      meta.u32(t.ne().length);
      for (long d : t.ne()) {
        meta.u64(d);
      }
      meta.u32(t.type());
      meta.u64(offset);
      offset = align(offset + t.bytes());
    }
    while (meta.size() % ALIGN != 0) {
      meta.u8(0);
    }
    try (FileChannel ch =
        FileChannel.open(
            out,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      writeFully(ch, ByteBuffer.wrap(meta.toArray()));
      var root = new SplittableRandom(42);
      ByteBuffer chunk = ByteBuffer.allocate(1 << 22).order(ByteOrder.LITTLE_ENDIAN);
      for (Tensor t : tensors) {
        writeTensor(ch, t, root.split(), chunk);
        long pad = align(t.bytes()) - t.bytes();
        if (pad > 0) {
          writeFully(ch, ByteBuffer.allocate((int) pad));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out, e);
    }
    return out;
  }

  private static long align(long x) {
    return (x + ALIGN - 1) / ALIGN * ALIGN;
  }

  /** Streams a tensor's random values (std 0.02; norms are ones) in whole blocks. */
  private static void writeTensor(FileChannel ch, Tensor t, SplittableRandom rnd, ByteBuffer chunk)
      throws IOException {
    int perElement = t.type() == Q8_0 ? 32 : 1;
    int blockBytes = t.type() == F32 ? 4 : 34;
    long blocks = t.elements() / perElement;
    int perChunk = chunk.capacity() / blockBytes;
    for (long done = 0; done < blocks; ) {
      int n = (int) Math.min(perChunk, blocks - done);
      chunk.clear();
      for (int i = 0; i < n; i++) {
        if (t.type() == F32) {
          chunk.putFloat(t.ones() ? 1f : (float) (rnd.nextGaussian() * 0.02));
        } else {
          chunk.putShort(Q8_SCALE); // int8 uniform in [-128, 127] has std ~73.3: weights ~0.02
          for (int k = 0; k < 32; k++) {
            chunk.put((byte) rnd.nextInt());
          }
        }
      }
      chunk.flip();
      writeFully(ch, chunk);
      done += n;
    }
  }

  private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      ch.write(b);
    }
  }

  /** Little-endian bytes. */
  private static final class Buf {
    private byte[] a = new byte[1 << 16];
    private int n;

    private void ensure(int k) {
      if (n + k > a.length) {
        a = java.util.Arrays.copyOf(a, Math.max(a.length * 2, n + k));
      }
    }

    void u8(int x) {
      ensure(1);
      a[n++] = (byte) x;
    }

    void u32(long x) {
      ensure(4);
      for (int i = 0; i < 4; i++) {
        a[n++] = (byte) (x >>> (8 * i));
      }
    }

    void u64(long x) {
      ensure(8);
      for (int i = 0; i < 8; i++) {
        a[n++] = (byte) (x >>> (8 * i));
      }
    }

    void bytes(byte[] b) {
      ensure(b.length);
      System.arraycopy(b, 0, a, n, b.length);
      n += b.length;
    }

    void str(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      u64(b.length);
      bytes(b);
    }

    int size() {
      return n;
    }

    byte[] toArray() {
      return java.util.Arrays.copyOf(a, n);
    }
  }

  /** GGUF key-value metadata. */
  private static final class Header {
    final Buf buf = new Buf();
    long count;

    private void key(String k, int type) {
      buf.str(k);
      buf.u32(type);
      count++;
    }

    void string(String k, String v) {
      key(k, T_STRING);
      buf.str(v);
    }

    void u32(String k, long v) {
      key(k, T_UINT32);
      buf.u32(v);
    }

    void f32(String k, float v) {
      key(k, T_FLOAT32);
      buf.u32(Float.floatToIntBits(v) & 0xFFFFFFFFL);
    }

    void bool(String k, boolean v) {
      key(k, T_BOOL);
      buf.u8(v ? 1 : 0);
    }

    void strings(String k, List<String> v) {
      key(k, T_ARRAY);
      buf.u32(T_STRING);
      buf.u64(v.size());
      v.forEach(buf::str);
    }

    void ints(String k, List<Integer> v) {
      key(k, T_ARRAY);
      buf.u32(T_INT32);
      buf.u64(v.size());
      v.forEach(x -> buf.u32(x & 0xFFFFFFFFL));
    }
  }
}
