package dev.tokbench.kernel;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.zip.ZipFile;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Javadoc comments read from sources JShell does not know of. JShell's own lookup ({@code
 * SourceCodeAnalysisImpl.findSources}) reads only the JDK's {@code lib/src.zip}; this reads the
 * toolkit's sources, which its jar carries under {@code META-INF/sources/}, and the {@code
 * -sources.jar} beside any jar on the cells' class path (Maven's layout, so {@code %maven}
 * artifacts whose sources are in the local repository are covered).
 */
final class SourceDocs {
  static final String TOOLKIT_SOURCES = "META-INF/sources/";

  private final ClassLoader toolkit;
  private final Supplier<List<Path>> classpath;
  private final Map<String, Optional<Parsed>> parsed = new ConcurrentHashMap<>();

  SourceDocs(ClassLoader toolkit, Supplier<List<Path>> classpath) {
    this.toolkit = toolkit;
    this.classpath = classpath;
  }

  /** The javadoc comment (text without the {@code *} margins) of a declaration, if found. */
  Optional<String> javadoc(String qualifiedClass, Signature signature) {
    String[] parts = qualifiedClass.split("\\.");
    // a.b.Outer.Inner may live in a/b/Outer/Inner.java or (nested) in a/b/Outer.java
    for (int top = parts.length; top >= 1; top--) {
      String file = String.join("/", List.of(parts).subList(0, top)) + ".java";
      Optional<Parsed> unit = parsed.computeIfAbsent(file, this::parse);
      if (unit.isPresent()) {
        return unit.get().javadoc(List.of(parts).subList(top - 1, parts.length), signature);
      }
    }
    return Optional.empty();
  }

  private Optional<Parsed> parse(String file) {
    return source(file).map(text -> Parsed.of(file, text));
  }

  private Optional<String> source(String file) {
    try (InputStream in = toolkit.getResourceAsStream(TOOLKIT_SOURCES + file)) {
      if (in != null) {
        return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      for (Path jar : classpath.get()) {
        Optional<String> text = fromSourcesJar(jar, file);
        if (text.isPresent()) {
          return text;
        }
      }
    } catch (IOException e) {
      // an unreadable source is a missing source: inspect shows the signature alone
    }
    return Optional.empty();
  }

  /** {@code file} from {@code x-1.0-sources.jar} beside {@code x-1.0.jar}, if both exist. */
  private static Optional<String> fromSourcesJar(Path jar, String file) throws IOException {
    String name = jar.getFileName() == null ? "" : jar.getFileName().toString();
    Path sources = jar.resolveSibling(name.replaceFirst("\\.jar$", "-sources.jar"));
    if (!name.endsWith(".jar") || !Files.isRegularFile(sources)) {
      return Optional.empty();
    }
    try (ZipFile zip = new ZipFile(sources.toFile())) {
      var entry = zip.getEntry(file);
      if (entry == null) {
        return Optional.empty();
      }
      try (InputStream in = zip.getInputStream(entry)) {
        return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
  }

  /** One source file, parsed (not compiled) by javac. */
  private record Parsed(CompilationUnitTree unit, Trees trees) {
    static Parsed of(String file, String text) {
      JavaFileObject source =
          new SimpleJavaFileObject(URI.create("string:///" + file), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
              return text;
            }
          };
      JavacTask task =
          (JavacTask)
              ToolProvider.getSystemJavaCompiler()
                  .getTask(null, null, d -> {}, List.of("-proc:none"), null, List.of(source));
      try {
        return new Parsed(task.parse().iterator().next(), Trees.instance(task));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    /** The comment of {@code signature}'s declaration in the class nested as {@code classes}. */
    Optional<String> javadoc(List<String> classes, Signature signature) {
      TreePath path = new TreePath(unit);
      for (String name : classes) {
        path = child(path, name).orElse(null);
        if (path == null) {
          return Optional.empty();
        }
      }
      if (!signature.member().isEmpty()) {
        path = member(path, signature).orElse(null);
      }
      return Optional.ofNullable(path == null ? null : trees.getDocComment(path));
    }

    private static Optional<TreePath> child(TreePath parent, String name) {
      List<? extends Tree> members =
          parent.getLeaf() instanceof ClassTree c
              ? c.getMembers()
              : ((CompilationUnitTree) parent.getLeaf()).getTypeDecls();
      return members.stream()
          .filter(t -> t instanceof ClassTree c && c.getSimpleName().contentEquals(name))
          .findFirst()
          .map(t -> new TreePath(parent, t));
    }

    /** The member of that name whose parameter types match (or the only one of that name). */
    private static Optional<TreePath> member(TreePath type, Signature signature) {
      List<? extends Tree> named =
          ((ClassTree) type.getLeaf())
              .getMembers().stream().filter(t -> name(t).equals(signature.member())).toList();
      Optional<? extends Tree> match =
          named.size() == 1 || signature.parameterTypes() == null
              ? named.stream().findFirst()
              : named.stream()
                  .filter(t -> parameterTypes(t).equals(signature.parameterTypes()))
                  .findFirst();
      return match.map(t -> new TreePath(type, t));
    }

    private static String name(Tree member) {
      if (member instanceof MethodTree m) {
        return m.getName().toString();
      }
      return member instanceof VariableTree v ? v.getName().toString() : "";
    }

    private static List<String> parameterTypes(Tree member) {
      return member instanceof MethodTree m
          ? m.getParameters().stream()
              .map(p -> Signature.simpleType(p.getType().toString()))
              .toList()
          : List.of();
    }
  }
}
