// A llama-bench sweep: every model given, prompt 512 / decode 128, flash attention off and on,
// rows written to build/sweep.csv in the toolkit's result schema.
//   LLAMA_BENCH=/path/to/llama-bench MODELS="a.gguf b.gguf" scripts/tokbench jshell scripts/sweep.jsh
// Without llama-bench (LLAMA_BENCH unset and none on the PATH) it says so and replays a saved run.
var binary = Optional.ofNullable(System.getenv("LLAMA_BENCH")).map(Path::of).or(LlamaBench::find);
var models = Arrays.stream(Optional.ofNullable(System.getenv("MODELS")).orElse("toolkit/src/test/resources/gguf/small-llama-Q4_K_M.gguf").trim().split("\\s+")).map(Path::of).toArray(Path[]::new);
List<BenchResult> rows;
if (binary.isPresent()) {
  System.out.println("sweeping with " + binary.get());
  var run = LlamaBench.at(binary.get()).model(models).prompt(512).gen(128).flashAttention(FlashAttention.OFF, FlashAttention.ON).run(r -> System.out.println(r.test() + " " + r.tokensPerSMean() + " tok/s"));
  rows = run.rows();
} else {
  System.out.println("no llama-bench (set LLAMA_BENCH): replaying data/h100-sxm5-2026-11-25/h100-report-matrix.json");
  rows = LlamaBench.parse(Path.of("data/h100-sxm5-2026-11-25/h100-report-matrix.json"));
}
Files.createDirectories(Path.of("build"));
ResultsCsv.write(Path.of("build/sweep.csv"), rows);
System.out.println(BenchTable.of(rows).printAll());
System.out.println("wrote build/sweep.csv");
/exit
