#!/usr/bin/env python3
"""Prompt processing and decode timed separately on tinygrad's own LLaMA model.

tinygrad's `examples/llama3.py --benchmark` times generated tokens only: it feeds its prompt one
token at a time. This harness builds the same model from a tinygrad checkout (llama3.py's
build_transformer and extra/models/llama.py's Transformer, GGUF loading and conversion included)
and times, like llama-bench:

  pp<N>  a prompt of N synthetic token ids in ONE forward call at position 0 (seqlen N);
  tg<M>  M generated tokens, one call each through the model's TinyJit, from position 1.

Each test line is one JSON object on stdout (everything tinygrad prints goes to stderr). Its
`call_start_ago_ms` says, for every timed call in order (warm-up included), how long before the
line was written the call started, so a reader that stamps the line's arrival knows when each call
ran (energy attribution) without sharing a clock with this process:

  python3 scripts/tinygrad_bench.py --checkout ~/tinygrad --model llama-3.2-1b-Q6_K.gguf \
      --prompt 512 --gen 128 --reps 3          # run with DEV=CUDA, JITBEAM=2 ... as usual

Warm-up follows tokbench's log parser (TinyJit: the first call runs the function, the second
captures its kernels, replay starts at the third): the first two calls of each jitted function are
warm-up, reported but not counted. Under BEAM/JITBEAM the kernel search happens in those calls.

Supported: tinygrad 0.10.3 (May 2025) and later, tested on 0.13.0 (a9069c177a): the harness needs
llama3.py's build_transformer(model_path, model_size, ..., device, max_context) with MODEL_PARAMS
and convert_from_gguf(weights, n_layers), which 0.10.3 introduced. The version is read from the
checkout's pyproject.toml (setup.py before 0.12) and the API checked before anything runs.
"""
import argparse, datetime, importlib.util, inspect, json, math, os, platform, random, re, signal
import statistics, struct, sys, time, traceback
from pathlib import Path

SCHEMA = "tokbench.tinygrad_bench/1"
MIN_VERSION = (0, 10, 3)
# run on tinygrad's CPU backend: 0.13.0 at a9069c177a, and the v0.10.3 tag
TESTED = {"0.13.0": "a9069c177a9da9cca18593edf55acd2e6073cca6",
          "0.10.3": "9b14e8c3cd26c3687870e87971595f57ab512566"}
JIT_WARMUP_CALLS = 2  # TinyJit: cnt 0 runs the function, cnt 1 captures, cnt >= 2 replays
# variables tinygrad reads through getenv() rather than a ContextVar, and the pre-0.13 spellings
EXTRA_ENV = ("DEV", "JITBEAM", "CACHEDB", "XDG_CACHE_HOME", "CC", "MV_THREADS_PER_ROW", "WQKV",
             "SHARD_KVCACHE", "IGNORE_JIT_FIRST_BEAM", "CUDA", "NV", "AMD", "METAL", "CPU", "CLANG",
             "LLVM", "GPU", "CL", "HIP", "QCOM", "WEBGPU", "PYTHON")


class HarnessError(Exception):
    """A problem the user can fix (wrong checkout, unsupported version or model): exit 2."""


class Terminated(Exception):
    """SIGTERM (a timeout, a stopped run): still reported, with the tests it did not finish."""


def on_sigterm(signum, _frame):
    raise Terminated(f"terminated by signal {signum} (SIGTERM)")


def main(argv=None):
    args = parse_args(argv)
    out = JsonLines()  # from here on, stdout carries only the JSON lines
    signal.signal(signal.SIGTERM, on_sigterm)
    tests = planned_tests(args)
    try:
        fits = max(args.prompt, args.gen + 1) + args.depth <= args.max_context
        if not fits:
            raise HarnessError(f"--depth {args.depth} with --prompt {args.prompt} or --gen "
                               f"{args.gen} does not fit --max-context {args.max_context}")
        bench = Bench(args)
        for test in list(tests):
            out.write(bench.run(test))
            tests.remove(test)
        return 0
    except BaseException as e:  # a failed run still says what failed, and which tests it lost
        out.write(error_line(args, e, tests))
        codes = {HarnessError: 2, Terminated: 143, KeyboardInterrupt: 130}
        code = next((c for t, c in codes.items() if isinstance(e, t)), 1)
        if isinstance(e, HarnessError): return code
        # interrupted mid-kernel, tinygrad's interpreter teardown can wait for ever on its own locks
        # (seen after SIGTERM on the CPU backend): the line is written, so leave at once
        sys.stderr.flush()
        os._exit(code)


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--checkout", required=True, help="tinygrad source checkout (put on sys.path)")
    p.add_argument("--model", required=True, help="GGUF file (LLaMA architecture)")
    p.add_argument("--prompt", type=int, default=512, help="prompt tokens, 0 for none (pp)")
    p.add_argument("--gen", type=int, default=128, help="generated tokens, 0 for none (tg)")
    p.add_argument("--depth", type=int, default=0, help="tokens already in the KV cache (-d)")
    p.add_argument("--reps", type=int, default=3, help="timed repetitions of each test")
    p.add_argument("--seed", type=int, default=42, help="seed of the token ids and of sampling")
    p.add_argument("--size", default="auto", help="'auto': shape from the GGUF metadata; "
                   "1B, 8B, 70B, 405B: llama3.py's MODEL_PARAMS, as its --size does")
    p.add_argument("--max-context", type=int, default=8192, help="KV cache length "
                   "(build_transformer's default)")
    p.add_argument("--temperature", type=float, default=0.85, help="sampling temperature "
                   "(llama3.py's default; its sampler runs inside every timed call)")
    p.add_argument("--pp-path", choices=["jit", "forward"], default="jit",
                   help="jit: the prompt call through a TinyJit of Transformer.forward (JITBEAM "
                   "applies); forward: Transformer.forward un-jitted, as the model's own call runs "
                   "seqlen > 1 (only BEAM applies)")
    p.add_argument("--commit", default="", help="the checkout's commit, when it has no .git")
    a = p.parse_args(argv)
    for name in ("prompt", "gen", "depth"):
        if getattr(a, name) < 0: p.error(f"--{name} must be >= 0, got {getattr(a, name)}")
    if a.reps < 1: p.error(f"--reps must be >= 1, got {a.reps}")
    if a.prompt == 0 and a.gen == 0: p.error("nothing to time: --prompt and --gen are both 0")
    if not a.temperature >= 0: p.error(f"--temperature must be >= 0, got {a.temperature}")
    return a


def planned_tests(args):
    return [t for t, n in (("pp", args.prompt), ("tg", args.gen)) if n > 0]


def test_name(kind, n, depth):
    return f"{kind}{n}" + (f" @ d{depth}" if depth else "")


class JsonLines:
    """One JSON object per line on the original stdout; fd 1 itself then points at stderr, so
    whatever tinygrad, clang or a driver prints cannot break a line."""

    def __init__(self):
        sys.stdout.flush()
        self.stream = os.fdopen(os.dup(1), "w", buffering=1)
        os.dup2(2, 1)
        sys.stdout = sys.stderr

    def write(self, obj):
        self.stream.write(json.dumps(obj, separators=(",", ":"), allow_nan=False) + "\n")
        self.stream.flush()


# *** the checkout ***

def checkout_version(checkout):
    for name, pattern in (("pyproject.toml", r'(?m)^\s*version\s*=\s*["\']([0-9][0-9.]*)["\']'),
                          ("setup.py", r'version\s*=\s*["\']([0-9][0-9.]*)["\']')):
        path = os.path.join(checkout, name)
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as f:
                if m := re.search(pattern, f.read()): return m.group(1)
    return ""


def checkout_commit(checkout, given):
    if given: return given, "argument"
    git = os.path.join(checkout, ".git")
    if os.path.isfile(git):  # a worktree: "gitdir: <path>"
        with open(git, encoding="utf-8") as f: git = f.read().split(":", 1)[1].strip()
    head = read_text(os.path.join(git, "HEAD")).strip()
    if not head.startswith("ref: "): return head, ".git/HEAD" if head else ""
    ref = head[5:].strip()
    sha = read_text(os.path.join(git, ref)).strip()
    if not sha:
        packed = read_text(os.path.join(git, "packed-refs"))
        sha = next((l.split()[0] for l in packed.splitlines() if l.endswith(" " + ref)), "")
    return sha, ".git" if sha else ""


def read_text(path):
    try:
        with open(path, encoding="utf-8") as f: return f.read()
    except OSError:
        return ""


def version_tuple(v):
    return tuple(int(x) for x in v.split(".") if x.isdigit())


def check_version(checkout):
    if not os.path.isfile(os.path.join(checkout, "examples", "llama3.py")):
        raise HarnessError(f"not a tinygrad checkout: {checkout} has no examples/llama3.py")
    version = checkout_version(checkout)
    if not version:
        raise HarnessError(f"cannot tell the tinygrad version of {checkout}: no version in "
                           "pyproject.toml or setup.py")
    if version_tuple(version) < MIN_VERSION:
        raise HarnessError(f"tinygrad {version} at {checkout} is too old: this harness needs "
                           f"{'.'.join(map(str, MIN_VERSION))} or later (llama3.py's "
                           "build_transformer "
                           "with max_context, convert_from_gguf(weights, n_layers))")
    return version


def import_model_code(checkout):
    """llama3.py and extra/models/llama.py of the checkout, their API checked."""
    sys.path.insert(0, os.path.abspath(checkout))
    spec = importlib.util.spec_from_file_location("tinygrad_llama3",
                                                  os.path.join(checkout, "examples", "llama3.py"))
    llama3 = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(llama3)
    import tinygrad
    from extra.models import llama
    where = os.path.dirname(os.path.abspath(tinygrad.__file__))
    if not where.startswith(os.path.abspath(checkout) + os.sep):
        raise HarnessError(f"tinygrad was imported from {where}, not from {checkout}")
    need = {"build_transformer": ("model_path", "model_size", "quantize", "device", "max_context")}
    missing = [f"llama3.{fn}({p})" for fn, params in need.items() for p in params
               if p not in inspect.signature(getattr(llama3, fn, lambda: 0)).parameters]
    if not isinstance(getattr(llama3, "MODEL_PARAMS", None), dict): missing.append("MODEL_PARAMS")
    gguf = inspect.signature(getattr(llama, "convert_from_gguf", lambda: 0)).parameters
    if "n_layers" not in gguf: missing.append("convert_from_gguf(weights, n_layers)")
    if missing: raise HarnessError(f"tinygrad at {checkout} lacks what this harness drives: "
                                   f"{', '.join(missing)}")
    return llama3, where


# *** the model file ***

GGUF_SCALARS = {0: "<B", 1: "<b", 2: "<H", 3: "<h", 4: "<I", 5: "<i", 6: "<f", 7: "<?", 10: "<Q",
                11: "<q", 12: "<d"}


# ggml_type: (elements per block, bytes per block), as ggml's type traits
GGML_BLOCKS = {0: (1, 4), 1: (1, 2), 2: (32, 18), 3: (32, 20), 6: (32, 22), 7: (32, 24),
               8: (32, 34), 9: (32, 36), 10: (256, 84), 11: (256, 110), 12: (256, 144),
               13: (256, 176), 14: (256, 210), 15: (256, 292), 16: (256, 66), 17: (256, 74),
               18: (256, 98), 19: (256, 50), 20: (32, 18), 21: (256, 110), 22: (256, 82),
               23: (256, 136), 24: (1, 1), 25: (1, 2), 26: (1, 4), 27: (1, 8), 28: (1, 8),
               29: (256, 56), 30: (1, 2), 39: (32, 17)}
# general.file_type: llama.cpp's llama_ftype, named as llama-quantize names it
FILE_TYPES = {0: "F32", 1: "F16", 2: "Q4_0", 3: "Q4_1", 7: "Q8_0", 8: "Q5_0", 9: "Q5_1",
              10: "Q2_K", 11: "Q3_K_S", 12: "Q3_K_M", 13: "Q3_K_L", 14: "Q4_K_S", 15: "Q4_K_M",
              16: "Q5_K_S", 17: "Q5_K_M", 18: "Q6_K", 19: "IQ2_XXS", 20: "IQ2_XS", 21: "Q2_K_S",
              22: "IQ3_XS", 23: "IQ3_XXS", 24: "IQ1_S", 25: "IQ4_NL", 26: "IQ3_S", 27: "IQ3_M",
              28: "IQ2_S", 29: "IQ2_M", 30: "IQ4_XS", 31: "IQ1_M", 32: "BF16", 36: "TQ1_0",
              37: "TQ2_0", 38: "MXFP4_MOE"}


class GgufHeader:
    """Scalar metadata (arrays as their length) and each tensor's dimensions, read from the header
    of a GGUF file; every count and length is checked against the file size before it is used."""

    def __init__(self, path):
        self.path, self.size = path, os.path.getsize(path)
        with open(path, "rb") as self.f:
            magic = self.f.read(4)
            if magic != b"GGUF":
                raise HarnessError(f"{path}: not a GGUF file (starts with {magic!r})")
            if (version := self.unpack("<I")) < 2:
                raise HarnessError(f"{path}: GGUF version {version} is not supported")
            n_tensors, n_kv = self.count(), self.count()  # uint64 tensor_count, metadata_kv_count
            self.kv = {}
            for _ in range(n_kv):
                key = self.string()
                self.kv[key] = self.value(self.unpack("<I"))
            self.dims, self.params, self.tensor_bytes = {}, 0, 0
            for _ in range(n_tensors):
                name, n_dims = self.string(), self.unpack("<I")
                if n_dims > 8: self.fail(f"tensor {name} has {n_dims} dimensions")
                self.dims[name] = tuple(self.unpack("<Q") for _ in range(n_dims))
                ggml_type, _offset = self.unpack("<I"), self.unpack("<Q")
                self.count_tensor(math.prod(self.dims[name]), ggml_type)

    def count_tensor(self, n, ggml_type):
        """Parameters and tensor bytes, as llama-bench's model_n_params and model_size do."""
        self.params += n
        block = GGML_BLOCKS.get(ggml_type)
        if block is None or self.tensor_bytes < 0: self.tensor_bytes = -1
        else: self.tensor_bytes += n // block[0] * block[1]

    def fail(self, what):
        raise HarnessError(f"{self.path}: {what} at byte offset {self.f.tell()}")

    def unpack(self, fmt):
        n = struct.calcsize(fmt)
        if len(b := self.f.read(n)) < n: self.fail(f"file ends inside a {n}-byte value")
        return struct.unpack(fmt, b)[0]

    def count(self):
        if (n := self.unpack("<Q")) > self.size:
            self.fail(f"count {n} exceeds the file size ({self.size} bytes)")
        return n

    def string(self):
        n = self.count()
        if self.f.tell() + n > self.size: self.fail(f"string of {n} bytes runs past the end")
        return self.f.read(n).decode("utf-8", "replace")

    def value(self, t):
        if t in GGUF_SCALARS: return self.unpack(GGUF_SCALARS[t])
        if t == 8: return self.string()
        if t != 9: self.fail(f"unknown GGUF value type {t}")
        et, n = self.unpack("<I"), self.count()  # array: only its length is kept
        if et in GGUF_SCALARS: self.f.seek(n * struct.calcsize(GGUF_SCALARS[et]), 1)
        else:
            for _ in range(n): self.value(et)
        return {"array_of": et, "length": n}


def model_shape(path, kv, dims):
    """Transformer arguments from the GGUF metadata, as MODEL_PARAMS spells them."""
    arch = kv.get("general.architecture", "")
    if arch != "llama":
        raise HarnessError(f"{path}: architecture '{arch}', but llama3.py's model is LLaMA only")
    def key(k):
        if f"llama.{k}" not in kv: raise HarnessError(f"{path}: no llama.{k} in the GGUF metadata")
        return kv[f"llama.{k}"]
    if "token_embd.weight" not in dims: raise HarnessError(f"{path}: no token_embd.weight tensor")
    shape = {"dim": key("embedding_length"), "n_heads": key("attention.head_count"),
             "n_kv_heads": kv.get("llama.attention.head_count_kv", key("attention.head_count")),
             "n_layers": key("block_count"), "norm_eps": key("attention.layer_norm_rms_epsilon"),
             "rope_theta": kv.get("llama.rope.freq_base", 10000.0),
             "vocab_size": dims["token_embd.weight"][1], "hidden_dim": key("feed_forward_length")}
    head_dim = kv.get("llama.attention.key_length", shape["dim"] // shape["n_heads"])
    if head_dim * shape["n_heads"] != shape["dim"]:
        raise HarnessError(f"{path}: head size {head_dim} x {shape['n_heads']} heads is not the "
                           f"embedding length {shape['dim']}, which extra/models/llama.py assumes")
    if "output.weight" in dims:
        raise HarnessError(f"{path}: has its own output.weight; convert_from_gguf only maps tied "
                           "embeddings (output = token_embd)")
    return shape


# *** timing ***

class Bench:
    def __init__(self, args):
        self.args = args
        self.version = check_version(args.checkout)
        self.commit, self.commit_source = checkout_commit(args.checkout, args.commit)
        header = GgufHeader(args.model)
        kv, dims = header.kv, header.dims
        shape = model_shape(args.model, kv, dims)
        self.cache = cache_state()  # before tinygrad opens it (compiling a kernel can)
        self.llama3, self.tinygrad_dir = import_model_code(args.checkout)
        from tinygrad import Tensor, Device, TinyJit
        from tinygrad.helpers import CACHEDB
        from tinygrad.nn.state import get_parameters
        if os.path.abspath(CACHEDB) != self.cache["path"]: self.cache["path_tinygrad"] = CACHEDB
        self.Tensor, self.device = Tensor, Device.DEFAULT
        size = self.pick_size(shape)
        t0 = time.perf_counter()
        self.model = self.llama3.build_transformer(Path(args.model), model_size=size,
                                                   device=self.device, max_context=args.max_context)
        self.load_ms = (time.perf_counter() - t0) * 1e3
        self.param_bytes = sum(x.nbytes() for x in get_parameters(self.model))
        self.shape, self.size, self.vocab = shape, size, shape["vocab_size"]
        file_type = kv.get("general.file_type", -1)
        self.gguf = {"name": kv.get("general.name", ""), "file_type": file_type,
                     "quant": FILE_TYPES.get(file_type, ""), "tensors": len(dims),
                     "tensor_bytes": header.tensor_bytes, "n_params": header.params}
        self.pp_jit = TinyJit(self.model.forward)
        self.rng = random.Random(args.seed)
        Tensor.manual_seed(args.seed)
        self.filled = 0  # positions of the KV cache that hold something
        self.starts = []  # perf_counter_ns at the start of each call of the current test

    def pick_size(self, shape):
        """A MODEL_PARAMS key for build_transformer: the GGUF's own shape under 'auto'."""
        if self.args.size == "auto":
            self.llama3.MODEL_PARAMS["gguf"] = {"args": shape, "files": 1}
            return "gguf"
        if self.args.size not in self.llama3.MODEL_PARAMS:
            raise HarnessError(f"--size {self.args.size}: llama3.py knows "
                               f"{', '.join(self.llama3.MODEL_PARAMS)} (or use auto)")
        fixed = self.llama3.MODEL_PARAMS[self.args.size]["args"]
        differ = {k: (v, shape[k]) for k, v in fixed.items()
                  if k in shape and not math.isclose(shape[k], v, rel_tol=1e-6)}
        if differ:
            raise HarnessError(f"--size {self.args.size} does not match {self.args.model}: " +
                               ", ".join(f"{k} {a} in MODEL_PARAMS, {b} in the GGUF"
                                         for k, (a, b) in differ.items()))
        return self.args.size

    def ids(self, n):
        return [[self.rng.randrange(self.vocab) for _ in range(n)]]

    def call(self, fn, tokens, pos):
        """One timed call as llama3.py times a token: from building the input to the sampled id."""
        from tinygrad import GlobalCounters
        a = self.args
        GlobalCounters.reset()
        t0 = time.perf_counter_ns()
        self.starts.append(t0)
        # the sampler's arguments as llama3.py passes them: temperature, top_k, top_p, alpha_f/p
        x = self.Tensor(tokens, device=self.device)
        tok = fn(x, pos, a.temperature, 0, 0.0, 0.0, 0.0).item()
        return (time.perf_counter_ns() - t0) / 1e6, tok, GlobalCounters.global_mem

    def fill(self, upto):
        """Fills the KV cache up to position `upto` with one un-timed un-jitted call."""
        if self.filled < upto:
            self.model.forward(self.Tensor(self.ids(upto), device=self.device), 0,
                               self.args.temperature, 0, 0.0, 0.0, 0.0).realize()
            self.filled = upto

    def run(self, kind):
        self.starts = []
        return self.prompt() if kind == "pp" else self.decode()

    def prompt(self):
        a = self.args
        self.fill(a.depth)
        fn = self.pp_jit if a.pp_path == "jit" else self.model.forward
        n_calls = JIT_WARMUP_CALLS + a.reps
        calls = [self.call(fn, self.ids(a.prompt), a.depth) for _ in range(n_calls)]
        self.filled = max(self.filled, a.depth + a.prompt)
        ms = [c[0] for c in calls]
        timed = ms[JIT_WARMUP_CALLS:]
        rates = [a.prompt * 1e3 / t for t in timed]
        return self.line("pp", a.prompt, 0, {
            "warmup_ms": ms[:JIT_WARMUP_CALLS], "rep_ms": timed, "samples_ts": rates,
            "pp_path": a.pp_path, "first_position": a.depth,
            "global_mem_gb_mean": mean([c[2] for c in calls[JIT_WARMUP_CALLS:]]) / 1e9})

    def decode(self):
        """M tokens per rep, each fed the id sampled before; the JIT's first two are warm-up."""
        a = self.args
        start = max(a.depth, 1)  # the model only jits (1,1) calls at start_pos != 0
        self.fill(start)
        reps, mem, last = [], [], self.ids(1)[0][0]
        for _ in range(a.reps):
            token_ms = []
            for pos in range(start, start + a.gen):
                t, last, m = self.call(self.model, [[last]], pos)
                token_ms.append(t)
                mem.append(m)
            reps.append(token_ms)
        flat = [t for r in reps for t in r]
        # the warm-up calls are the first of the whole decode stream, so they fall in the first rep
        kept = [r[max(0, JIT_WARMUP_CALLS - i * a.gen):] for i, r in enumerate(reps)]
        rates = [len(r) * 1e3 / sum(r) for r in kept if r]
        after = flat[JIT_WARMUP_CALLS:] or flat
        return self.line("tg", 0, a.gen, {
            "token_ms": reps, "warmup_tokens": min(JIT_WARMUP_CALLS, len(flat)),
            "samples_ts": rates, "first_position": start,
            "token_ts_median": statistics.median(1e3 / t for t in after),
            "global_mem_gb_mean": mean(mem[JIT_WARMUP_CALLS:]) / 1e9})

    def line(self, kind, n_prompt, n_gen, timing):
        a = self.args
        rates = timing["samples_ts"]
        obj = {"schema": SCHEMA, "kind": kind, "test": test_name(kind, n_prompt or n_gen, a.depth),
               "n_prompt": n_prompt, "n_gen": n_gen, "n_depth": a.depth, "reps": a.reps,
               **timing, "avg_ts": mean(rates), "stddev_ts": stdev(rates),
               "warmup_rule": f"first {JIT_WARMUP_CALLS} calls of each TinyJit (TinyJit)",
               "device": self.device, "load_ms": self.load_ms, "param_bytes": self.param_bytes,
               "model": {"path": os.path.abspath(a.model), "bytes": os.path.getsize(a.model),
                         "size": self.size, "shape": self.shape, **self.gguf},
               "settings": settings(a), **self.provenance()}
        written = time.perf_counter_ns()  # last: the line is written right after this
        obj["call_start_ago_ms"] = [round((written - t) / 1e6, 3) for t in self.starts]
        return obj

    def provenance(self):
        cache = dict(self.cache, bytes_after=cache_bytes(self.cache["path"]))
        return {"tinygrad": {"version": self.version, "commit": self.commit,
                             "commit_source": self.commit_source, "checkout": os.path.abspath(
                               self.args.checkout), "imported_from": self.tinygrad_dir,
                             "tested": tested(self.version, self.commit)},
                "env": tinygrad_env(), "beam_cache": cache, **host()}


def tested(version, commit):
    """True for the version and commit this harness was run on (a prefix of 7 or more digits)."""
    return len(commit) >= 7 and TESTED.get(version, "").startswith(commit)


def settings(a):
    return {"seed": a.seed, "max_context": a.max_context, "temperature": a.temperature,
            "top_k": 0, "top_p": 0.0, "size_arg": a.size}


def cache_state():
    """Where tinygrad keeps its cache (BEAM results included), as helpers.py chooses it: CACHEDB,
    else $XDG_CACHE_HOME/tinygrad/cache.db, else ~/.cache (~/Library/Caches on macOS)."""
    home_cache = "~/Library/Caches" if sys.platform == "darwin" else "~/.cache"
    base = os.getenv("XDG_CACHE_HOME", os.path.expanduser(home_cache))
    path = os.path.abspath(os.getenv("CACHEDB", os.path.join(base, "tinygrad", "cache.db")))
    return {"path": path, "existed_before": os.path.isfile(path), "bytes_before": cache_bytes(path)}


def cache_bytes(path):
    """The cache file and its write-ahead log (tinygrad opens it in WAL mode), 0 when absent."""
    return sum(os.path.getsize(p) for p in (path, path + "-wal") if os.path.isfile(p))


def tinygrad_env():
    try:
        from tinygrad.helpers import ContextVar
        names = set(ContextVar._cache) | set(EXTRA_ENV)
    except Exception:
        names = set(EXTRA_ENV)
    return {k: os.environ[k] for k in sorted(names) if k in os.environ}


def host():
    return {"host": platform.node(), "python": platform.python_version(),
            "time": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")}


def mean(xs):
    xs = list(xs)
    return statistics.fmean(xs) if xs else 0.0


def stdev(xs):
    return statistics.stdev(xs) if len(xs) > 1 else 0.0


def error_line(args, e, tests):
    stage = "check" if isinstance(e, HarnessError) else "run"
    tb = traceback.format_exception(type(e), e, e.__traceback__)
    return {"schema": SCHEMA, "kind": "error", "stage": stage, "exception": type(e).__name__,
            "message": str(e) or type(e).__name__, "traceback": "".join(tb)[-4000:],
            "tests": [test_name(t, args.prompt if t == "pp" else args.gen, args.depth)
                      for t in tests], "n_prompt": args.prompt, "n_gen": args.gen,
            "n_depth": args.depth, "model": {"path": os.path.abspath(args.model)},
            "env": {k: os.environ[k] for k in EXTRA_ENV if k in os.environ}, **host()}


if __name__ == "__main__":
    sys.exit(main())
