#!/usr/bin/env python3
"""Writes a synthetic tiktoken BPE file (tokenizer.model) for a synthetic LLaMA 3 model.

tinygrad's `examples/llama3.py` loads `tokenizer.model` from the model's folder, even under
--benchmark, and adds 256 special tokens after the file's base tokens; LLaMA 3 has 128000 base
tokens (vocabulary 128256). With synthetic weights the text is random anyway, so any BPE file of
the right size will do: this one has every single byte (ranks 0-255, so any text encodes), then
every byte pair, then byte triples in order, each line `base64(token) rank` as tiktoken reads it.

  python3 scripts/synthetic_tokenizer.py --out /models/tokenizer.model        # 128000 tokens
  python3 scripts/synthetic_tokenizer.py --tokens 1000 --out tokenizer.model

Needs only the standard library (tiktoken itself is needed to read it, not to write it).
"""
import argparse, base64, itertools, sys


def tokens(n):
    """The first n byte strings: single bytes, then pairs, then triples, lexicographic."""
    every = itertools.chain.from_iterable(
      itertools.product(range(256), repeat=k) for k in itertools.count(1))
    return (bytes(t) for t in itertools.islice(every, n))


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--tokens", type=int, default=128000,
                   help="base tokens (LLaMA 3: 128000; llama3.py adds 256 special ones)")
    p.add_argument("--out", required=True,
                   help="the file to write, e.g. <model dir>/tokenizer.model")
    a = p.parse_args(argv)
    if a.tokens < 256:
        p.error(f"--tokens must be at least 256 (every single byte), got {a.tokens}")
    with open(a.out, "w", encoding="ascii", newline="\n") as f:
        for rank, tok in enumerate(tokens(a.tokens)):
            f.write(f"{base64.b64encode(tok).decode('ascii')} {rank}\n")
    print(f"{a.out}: {a.tokens} base tokens", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
