// Compare two result files (the toolkit's results.csv schema): speed-up of B over A for every row
// of the same model, quant, flash attention and test. Models are matched by parameter count and
// quantization, since two runs seldom name a model alike ("LLaMA 3.2 1B Instruct", "llama-3.2-1b").
//   A=build/report/results.csv B=build/report-h100/results.csv scripts/tokbench jshell scripts/compare-results.jsh
// (scripts/reproduce writes both of those.)
var a = Path.of(Optional.ofNullable(System.getenv("A")).orElse("build/report/results.csv"));
var b = Path.of(Optional.ofNullable(System.getenv("B")).orElse("build/report-h100/results.csv"));
java.util.function.Function<BenchResult, String> sameModel = r -> r.nParams() + "|" + r.quant() + "|" + r.flashAttn().label() + "|" + r.test() + "|" + r.nDepth();
var comparison = Comparison.of(a.toString(), ResultsCsv.read(a), b.toString(), ResultsCsv.read(b), sameModel);
System.out.println(Tables.comparison(comparison).printAll());
System.out.println("speed-up range: " + comparison.speedupRange());
/exit
