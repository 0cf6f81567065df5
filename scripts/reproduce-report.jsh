// Reproduce the report from data/ in JShell: every table and text chart, the claims' verdicts, and
// the files (REPORT.md, claims.md, results.csv, charts) under build/report-jshell/.
//   scripts/tokbench jshell scripts/reproduce-report.jsh
var orin = Report.from(Path.of("data/jetson-orin-agx-2025-07-17"));
for (var table : orin.tables()) System.out.println(table + "\n");
for (var bars : orin.bars()) System.out.println(bars + "\n");
orin.claims().stream().collect(Collectors.groupingBy(c -> c.verdict(), TreeMap::new, Collectors.counting()))
orin.writeTo(Path.of("build/report-jshell"));
System.out.println("wrote build/report-jshell/REPORT.md");
/exit
