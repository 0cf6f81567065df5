// Inspect GGUF files: summary, quantization mix and tensors of each.
//   GGUF_FILES="a.gguf b.gguf" scripts/tokbench jshell scripts/inspect-gguf.jsh
// Without GGUF_FILES it inspects the small real models in the test resources.
var names = Optional.ofNullable(System.getenv("GGUF_FILES")).orElse("toolkit/src/test/resources/gguf/small-llama-Q4_K_M.gguf toolkit/src/test/resources/gguf/tiny-qwen3-F16.gguf");
var files = Arrays.stream(names.trim().split("\\s+")).map(Path::of).toList();
for (Path file : files) {
  var gguf = Gguf.read(file);
  System.out.println("== " + gguf);
  System.out.println(gguf.summary());
  System.out.println(Tables.types(gguf).printAll());
  System.out.println(Tables.tensors(gguf).print(12));
  gguf.verify().forEach(problem -> System.out.println("problem: " + problem));
}
/exit
