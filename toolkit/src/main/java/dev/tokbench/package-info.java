/**
 * What every package shares: the bad-input exception the command line maps to exit status 2, the
 * toolkit version, and the tidy CSV files under {@code data/} with {@code file:line:} errors.
 */
package dev.tokbench;
