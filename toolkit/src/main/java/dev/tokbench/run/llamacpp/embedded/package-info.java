/**
 * llama.cpp inside a JVM (de.kherud:llama, CPU), timed the way llama-bench times, for machines with
 * nothing installed; {@link dev.tokbench.run.llamacpp.embedded.EmbeddedChild} is the child JVM a
 * run starts for it, so that a native crash ends the child, not the run.
 */
package dev.tokbench.run.llamacpp.embedded;
