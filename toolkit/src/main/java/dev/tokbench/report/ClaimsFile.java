package dev.tokbench.report;

import dev.tokbench.DataFileException;
import dev.tokbench.ReadLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A data folder's {@code claims.yaml}: the claims its report makes, in the report's order. A folder
 * without one makes no claims. Read with SnakeYAML's node tree, which keeps each key's line, so
 * that every error names the file, the line and the key.
 */
record ClaimsFile(Path file, List<ClaimSpec> claims) {
  static final String FILE = "claims.yaml";
  private static final ReadLimits LIMITS =
      new ReadLimits("claims file", 1 << 20, 64 << 10, 16, 64 << 10, 10_000);

  ClaimsFile {
    claims = List.copyOf(claims);
  }

  /** The folder's claims file, or empty when it has none. */
  static Optional<ClaimsFile> read(Path dir) {
    Path file = dir.resolve(FILE);
    if (!Files.exists(file)) return Optional.empty();
    return Optional.of(parse(file, LIMITS.read(file)));
  }

  /** The claims of {@code text}, read as the file {@code file}. */
  static ClaimsFile parse(Path file, String text) {
    Node root = compose(file, text);
    YamlNodes y = new YamlNodes(file);
    if (root == null) throw y.bad(1, "is empty; a claims file has 'claims:', a list of claims");
    MappingNode top = y.map(root, "the file", Set.of("claims"));
    Node list = y.get(top, "claims");
    if (!(list instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
      throw y.bad(y.line(list == null ? top : list), "'claims' must be a list of claims");
    }
    if (seq.getValue().size() > LIMITS.maxItems()) {
      throw y.bad(y.line(seq), "more than " + LIMITS.maxItems() + " claims");
    }
    List<ClaimSpec> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    ClaimSpecReader reader = new ClaimSpecReader(y);
    for (int i = 0; i < seq.getValue().size(); i++) {
      Node n = seq.getValue().get(i);
      String at = "claims[" + i + "]";
      ClaimSpec c = reader.read(n, at);
      if (!ids.add(c.id()))
        throw y.bad(y.line(n), at + ".id: two claims are named " + YamlNodes.quote(c.id()));
      out.add(c);
    }
    return new ClaimsFile(file, out);
  }

  private static Node compose(Path file, String text) {
    LoaderOptions o = new LoaderOptions();
    o.setNestingDepthLimit(LIMITS.maxNesting());
    o.setCodePointLimit((int) LIMITS.maxBytes());
    o.setMaxAliasesForCollections(50);
    o.setAllowRecursiveKeys(false);
    try {
      return new Composer(new ParserImpl(new StreamReader(text), o), new Resolver(), o)
          .getSingleNode();
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
      throw new DataFileException(
          file.toString(),
          line,
          "not valid YAML: " + YamlNodes.quote(String.valueOf(e.getProblem())));
    } catch (YAMLException e) {
      throw new DataFileException(
          file.toString(), 1, "not valid YAML: " + YamlNodes.quote(String.valueOf(e.getMessage())));
    }
  }
}
