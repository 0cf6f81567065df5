/**
 * Launching benchmark programs as real processes: {@link dev.tokbench.process.Launcher} streams
 * their output line by line, kills the whole tree on timeout and reports how they ended.
 */
package dev.tokbench.process;
