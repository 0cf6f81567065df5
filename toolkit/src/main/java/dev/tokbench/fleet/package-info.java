/**
 * One sweep across many machines: a fleet file names SSH hosts and Slurm partitions; each point
 * goes to a target whose labels fit it, runs there under a shipped tokbench, and its rows stream
 * back into the one local store. OpenSSH and Slurm's own commands do the distribution.
 */
package dev.tokbench.fleet;
