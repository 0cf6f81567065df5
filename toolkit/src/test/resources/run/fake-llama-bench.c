/*
 * A stand-in for llama.cpp's llama-bench, for tokbench's crash tests, compiled by the tests with
 * the machine's gcc. It parses the flags tokbench's matrix tests use, nests their loops as
 * llama-bench.cpp's get_cmd_params_instances does (model, -ngl, -fa, -t, -d, then -p, -n, -pg
 * tests, zeros left out), and prints one jsonl row per test: a real row read from the file in
 * FAKE_ROW (a line of a captured llama-bench -o jsonl) with its test fields replaced. When a test's
 * description ("model=a.gguf ngl=99 fa=1 t=2 d=0 test=tg32") contains every word of FAKE_CRASH_AT,
 * it dies there (alternatives separated by |) the way FAKE_CRASH_HOW says, after llama-bench's stderr for that death:
 *
 *   sigill    executes an illegal instruction (__builtin_trap: ud2 on x86, brk on arm64)
 *   segv      writes through a null pointer
 *   assert    prints ggml_abort's GGML_ASSERT line and calls abort()
 *   cuda-oom  prints ggml-cuda's out-of-memory error lines and calls abort(), as CUDA_CHECK does
 *   load-oom  prints cudaMalloc's failure at model load and exits 1, as llama-bench does
 *   vulkan-oom throws nothing (C), but prints what std::terminate prints for vk::OutOfDeviceMemoryError
 *   hang      prints nothing more and waits for ever without using CPU
 *   exit      exits 1 after "main: error: failed to create context with model"
 *
 * FAKE_TEST_MS: how long each repetition takes (slept), default 0; samples_ns are the real times.
 * With --progress it prints llama-bench's progress lines; --help prints a usage naming --progress.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAX 64

typedef struct { const char *v[MAX]; int n; } list;

static void add_split(list *l, const char *arg) {
  char *copy = strdup(arg);
  for (char *tok = strtok(copy, ","); tok && l->n < MAX; tok = strtok(NULL, ",")) l->v[l->n++] = tok;
}

static int has_word(const char *text, const char *word) {
  size_t n = strlen(word);
  for (const char *p = strstr(text, word); p; p = strstr(p + 1, word)) {
    if ((p == text || p[-1] == ' ') && (p[n] == ' ' || p[n] == 0)) return 1;
  }
  return 0;
}

/* true when desc has every word of one of pattern's |-separated alternatives */
static int matches(const char *desc, const char *pattern) {
  if (!pattern || !*pattern) return 0;
  char *copy = strdup(pattern), *save = NULL;
  int any = 0;
  for (char *alt = strtok_r(copy, "|", &save); alt && !any; alt = strtok_r(NULL, "|", &save)) {
    char *words = strdup(alt), *save2 = NULL;
    int all = 1;
    for (char *w = strtok_r(words, " ", &save2); w; w = strtok_r(NULL, " ", &save2))
      all &= has_word(desc, w);
    free(words);
    any = all;
  }
  free(copy);
  return any;
}

/* replaces the value of "key": in line (quoted or not) with value, quoted when quote is set */
static void set_field(char *line, const char *key, const char *value, int quote) {
  char pat[128];
  snprintf(pat, sizeof pat, "\"%s\": ", key);
  char *at = strstr(line, pat);
  if (!at) return;
  char *start = at + strlen(pat);
  char *end = start;
  if (*end == '"') {
    end = strchr(end + 1, '"') + 1;
  } else if (*end == '[') {
    end = strchr(end, ']') + 1;
  } else {
    while (*end && *end != ',' && *end != '}') end++;
  }
  char rest[8192];
  snprintf(rest, sizeof rest, "%s", end);
  sprintf(start, quote ? "\"%s\"%s" : "%s%s", value, rest);
}

static long long now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (long long) t.tv_sec * 1000000000LL + t.tv_nsec;
}

static void die(const char *how, const char *model) {
  fflush(stdout);
  if (!strcmp(how, "sigill")) __builtin_trap();
  if (!strcmp(how, "segv")) {
    volatile int *p = NULL;
    *p = 1;
  }
  if (!strcmp(how, "assert")) {
    fprintf(stderr, "/src/llama.cpp/ggml/src/ggml.c:1766: GGML_ASSERT(ggml_can_repeat(b, a)) failed\n");
    fprintf(stderr, "#0  0x00007f3c2a8f5e5b in ggml_print_backtrace () from libggml-base.so\n");
    abort();
  }
  if (!strcmp(how, "cuda-oom")) {
    fprintf(stderr, "CUDA error: out of memory\n");
    fprintf(stderr, "  current device: 0, in function ggml_cuda_pool_alloc at /src/llama.cpp/ggml/src/ggml-cuda/ggml-cuda.cu:421\n");
    fprintf(stderr, "  cudaMalloc((void **) &ptr, look_ahead_size)\n");
    fprintf(stderr, "/src/llama.cpp/ggml/src/ggml-cuda/ggml-cuda.cu:106: CUDA error\n");
    abort();
  }
  if (!strcmp(how, "load-oom")) {
    fprintf(stderr, "ggml_backend_cuda_buffer_type_alloc_buffer: allocating 40960.00 MiB on device 0: cudaMalloc failed: out of memory\n");
    fprintf(stderr, "alloc_tensor_range: failed to allocate CUDA0 buffer of size 42949672960\n");
    fprintf(stderr, "llama_model_load: error loading model: unable to allocate CUDA0 buffer\n");
    fprintf(stderr, "llama_model_load_from_file_impl: failed to load model\n");
    fprintf(stderr, "main: error: failed to load model '%s'\n", model);
    exit(1);
  }
  if (!strcmp(how, "vulkan-oom")) {
    fprintf(stderr, "terminate called after throwing an instance of 'vk::OutOfDeviceMemoryError'\n");
    fprintf(stderr, "  what():  vk::Device::allocateMemory: ErrorOutOfDeviceMemory\n");
    abort();
  }
  if (!strcmp(how, "hang")) {
    for (;;) pause();
  }
  fprintf(stderr, "main: error: failed to create context with model '%s'\n", model);
  exit(1);
}

int main(int argc, char **argv) {
  list models = {0}, ngl = {0}, fa = {0}, threads = {0}, depth = {0}, pp = {0}, tg = {0}, pg = {0};
  int reps = 5, progress = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
      printf("usage: %s [options]\n  --progress                                  print test progress indicators\n", argv[0]);
      return 0;
    }
    if (!strcmp(a, "--progress")) { progress = 1; continue; }
    if (!strcmp(a, "-v")) continue;
    if (i + 1 >= argc) { fprintf(stderr, "error: invalid parameter for argument: %s\n", a); return 1; }
    const char *v = argv[++i];
    if (!strcmp(a, "-m")) add_split(&models, v);
    else if (!strcmp(a, "-ngl")) add_split(&ngl, v);
    else if (!strcmp(a, "-fa")) add_split(&fa, v);
    else if (!strcmp(a, "-t")) add_split(&threads, v);
    else if (!strcmp(a, "-d")) add_split(&depth, v);
    else if (!strcmp(a, "-p")) add_split(&pp, v);
    else if (!strcmp(a, "-n")) add_split(&tg, v);
    else if (!strcmp(a, "-pg")) pg.v[pg.n++] = v;
    else if (!strcmp(a, "-r")) reps = atoi(v);
    else if (!strcmp(a, "-o")) continue;
    else { fprintf(stderr, "error: invalid parameter for argument: %s\n", a); return 1; }
  }
  if (!models.n) models.v[models.n++] = "models/7B/ggml-model-q4_0.gguf";
  if (!ngl.n) ngl.v[ngl.n++] = "99";
  if (!fa.n) fa.v[fa.n++] = "-1";
  if (!threads.n) threads.v[threads.n++] = "2";
  if (!depth.n) depth.v[depth.n++] = "0";
  if (!pp.n) pp.v[pp.n++] = "512";
  if (!tg.n) tg.v[tg.n++] = "128";

  char tmpl[8192] = "";
  FILE *f = getenv("FAKE_ROW") ? fopen(getenv("FAKE_ROW"), "r") : NULL;
  if (!f || !fgets(tmpl, sizeof tmpl, f)) { fprintf(stderr, "fake-llama-bench: FAKE_ROW unreadable\n"); return 2; }
  tmpl[strcspn(tmpl, "\n")] = 0;
  const char *crash_at = getenv("FAKE_CRASH_AT");
  const char *how = getenv("FAKE_CRASH_HOW") ? getenv("FAKE_CRASH_HOW") : "exit";
  long test_ms = getenv("FAKE_TEST_MS") ? atol(getenv("FAKE_TEST_MS")) : 0;

  /* the tests of one combination, as "p,g" pairs in llama-bench's order */
  int tp[3 * MAX], tgen[3 * MAX], nt = 0;
  for (int i = 0; i < pp.n; i++) if (atoi(pp.v[i])) { tp[nt] = atoi(pp.v[i]); tgen[nt++] = 0; }
  for (int i = 0; i < tg.n; i++) if (atoi(tg.v[i])) { tp[nt] = 0; tgen[nt++] = atoi(tg.v[i]); }
  for (int i = 0; i < pg.n; i++) {
    int p = 0, g = 0;
    sscanf(pg.v[i], "%d,%d", &p, &g);
    if (p || g) { tp[nt] = p; tgen[nt++] = g; }
  }
  int total = models.n * ngl.n * fa.n * threads.n * depth.n * nt, idx = 0;
  for (int m = 0; m < models.n; m++)
  for (int l = 0; l < ngl.n; l++)
  for (int a = 0; a < fa.n; a++)
  for (int t = 0; t < threads.n; t++)
  for (int d = 0; d < depth.n; d++)
  for (int k = 0; k < nt; k++) {
    idx++;
    char test[64], desc[1024];
    if (tp[k] && !tgen[k]) snprintf(test, sizeof test, "pp%d", tp[k]);
    else if (!tp[k]) snprintf(test, sizeof test, "tg%d", tgen[k]);
    else snprintf(test, sizeof test, "pp%d+tg%d", tp[k], tgen[k]);
    snprintf(desc, sizeof desc, "model=%s ngl=%s fa=%s t=%s d=%s test=%s", models.v[m], ngl.v[l],
             fa.v[a], threads.v[t], depth.v[d], test);
    if (progress) fprintf(stderr, "llama-bench: benchmark %d/%d: starting\n", idx, total);
    if (matches(desc, crash_at)) die(how, models.v[m]);
    char samples[2048] = "[ ";
    long long sum = 0;
    for (int r = 0; r < reps; r++) {
      if (progress && tp[k]) fprintf(stderr, "llama-bench: benchmark %d/%d: prompt run %d/%d\n", idx, total, r + 1, reps);
      long long t0 = now_ns();
      if (test_ms) usleep(test_ms * 1000 / (tp[k] && tgen[k] ? 2 : 1));
      if (progress && tp[k] && tgen[k]) fprintf(stderr, "llama-bench: benchmark %d/%d: generation run %d/%d\n", idx, total, r + 1, reps);
      if (progress && !tp[k]) fprintf(stderr, "llama-bench: benchmark %d/%d: generation run %d/%d\n", idx, total, r + 1, reps);
      if (test_ms && tp[k] && tgen[k]) usleep(test_ms * 1000 / 2);
      long long ns = now_ns() - t0;
      if (ns <= 0) ns = 1000 + r;
      sum += ns;
      snprintf(samples + strlen(samples), sizeof samples - strlen(samples), "%s%lld", r ? ", " : "", ns);
    }
    strcat(samples, " ]");
    char line[8192], num[64];
    snprintf(line, sizeof line, "%s", tmpl);
    set_field(line, "model_filename", models.v[m], 1);
    set_field(line, "n_gpu_layers", ngl.v[l], 0);
    set_field(line, "flash_attn", fa.v[a], 0);
    set_field(line, "n_threads", threads.v[t], 0);
    set_field(line, "n_depth", depth.v[d], 0);
    snprintf(num, sizeof num, "%d", tp[k]);
    set_field(line, "n_prompt", num, 0);
    snprintf(num, sizeof num, "%d", tgen[k]);
    set_field(line, "n_gen", num, 0);
    set_field(line, "samples_ns", samples, 0);
    snprintf(num, sizeof num, "%lld", sum / reps);
    set_field(line, "avg_ns", num, 0);
    double ts = 1e9 * (tp[k] + tgen[k]) / ((double) sum / reps);
    snprintf(num, sizeof num, "%f", ts);
    set_field(line, "avg_ts", num, 0);
    char tss[2048] = "[ ";
    snprintf(tss + 2, sizeof tss - 2, "%f ]", ts);
    set_field(line, "samples_ts", tss, 0);
    printf("%s\n", line);
    fflush(stdout);
  }
  return 0;
}
