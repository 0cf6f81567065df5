/**
 * The {@code tokbench} command line (picocli): one class per subcommand; only {@link
 * dev.tokbench.cli.Main#main} exits.
 */
package dev.tokbench.cli;
