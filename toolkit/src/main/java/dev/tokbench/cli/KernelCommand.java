package dev.tokbench.cli;

import dev.tokbench.kernel.JupyterCommand;
import dev.tokbench.kernel.KernelLauncher;
import dev.tokbench.kernel.Kernelspec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tokbench kernel install|uninstall|launch}: the Jupyter kernel for Java. */
@Command(
    name = "kernel",
    description = "Install, remove or run the Jupyter kernel for Java (\"Java (tokbench)\").",
    mixinStandardHelpOptions = true,
    subcommands = {
      KernelCommand.Install.class,
      KernelCommand.Uninstall.class,
      KernelCommand.Launch.class
    })
final class KernelCommand extends GroupCommand {
  @Command(
      name = "install",
      mixinStandardHelpOptions = true,
      description = "Register the kernel with Jupyter (jupyter kernelspec install).")
  static final class Install implements Callable<Integer> {
    @ArgGroup(exclusive = true)
    Where where = new Where();

    @Mixin Kernelspecs kernelspecs;

    @Option(
        names = "--jvm-option",
        paramLabel = "OPTION",
        description = "A JVM option for the kernel, such as -Xmx8g; repeat for more.")
    List<String> jvmOptions = new ArrayList<>();

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      Kernelspec kernelspec =
          Kernelspec.forToolkit().withName(kernelspecs.name).withJvmOptions(jvmOptions);
      String output =
          JupyterCommand.at(kernelspecs.jupyter).install(kernelspec, where.scope(), where.prefix);
      spec.commandLine().getOut().println(output);
      return 0;
    }
  }

  /** Which kernelspec, registered with which Jupyter: what install and uninstall share. */
  static final class Kernelspecs {
    @Option(
        names = "--name",
        description = "The kernelspec's name (default: ${DEFAULT-VALUE}).",
        defaultValue = "tokbench")
    String name;

    @Option(
        names = "--jupyter",
        description = "The jupyter executable (default: ${DEFAULT-VALUE}).",
        defaultValue = "jupyter")
    String jupyter;
  }

  static final class Where {
    @Option(names = "--user", description = "Install for the current user.")
    boolean user;

    @Option(names = "--sys-prefix", description = "Install into the current Python environment.")
    boolean sysPrefix;

    @Option(
        names = "--prefix",
        paramLabel = "DIR",
        description = "Install under DIR/share/jupyter/kernels.")
    Path prefix;

    JupyterCommand.Scope scope() {
      if (user) {
        return JupyterCommand.Scope.USER;
      }
      if (sysPrefix) {
        return JupyterCommand.Scope.SYS_PREFIX;
      }
      return prefix != null ? JupyterCommand.Scope.PREFIX : JupyterCommand.Scope.SYSTEM;
    }
  }

  @Command(
      name = "uninstall",
      mixinStandardHelpOptions = true,
      description = "Remove the kernelspec from Jupyter.")
  static final class Uninstall implements Callable<Integer> {
    @Mixin Kernelspecs kernelspecs;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      spec.commandLine()
          .getOut()
          .println(JupyterCommand.at(kernelspecs.jupyter).uninstall(kernelspecs.name));
      return 0;
    }
  }

  @Command(
      name = "launch",
      mixinStandardHelpOptions = true,
      description = "Run the kernel for a connection file (what Jupyter calls; not for people).")
  static final class Launch implements Callable<Integer> {
    @Parameters(paramLabel = "CONNECTION_FILE", description = "The JSON file Jupyter wrote.")
    Path connectionFile;

    @Override
    public Integer call() throws InterruptedException {
      return KernelLauncher.serve(connectionFile);
    }
  }
}
