/**
 * llama.cpp inside this JVM (de.kherud:llama, CPU), timed the way llama-bench times, for machines
 * with nothing installed.
 */
package dev.tokbench.run.llamacpp.embedded;
