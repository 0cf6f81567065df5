// Compare two result files (the toolkit's results.csv schema): speed-up of B over A for every row
// of the same model, quant and test.
//   A=build/report/results.csv B=build/report-h100/results.csv scripts/tokbench jshell scripts/compare-results.jsh
// (scripts/reproduce writes both of those.)
var a = Path.of(Optional.ofNullable(System.getenv("A")).orElse("build/report/results.csv"));
var b = Path.of(Optional.ofNullable(System.getenv("B")).orElse("build/report-h100/results.csv"));
var comparison = Comparison.of(a.toString(), ResultsCsv.read(a), b.toString(), ResultsCsv.read(b), Comparison.SAME_MODEL_AND_TEST);
System.out.println(comparison.table().printAll());
System.out.println("speed-up range: " + comparison.speedupRange());
/exit
