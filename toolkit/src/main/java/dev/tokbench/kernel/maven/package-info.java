/**
 * {@code %maven}: artifacts and their runtime dependencies resolved with Maven Resolver, from the
 * user's settings and local repository.
 */
package dev.tokbench.kernel.maven;
