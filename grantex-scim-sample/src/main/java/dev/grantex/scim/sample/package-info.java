/**
 * Directory sync: a Spring Boot application that makes Grantex's users match a directory
 * file, with the auto-configured {@link dev.grantex.scim.ScimClient}.
 *
 * <p>
 * {@link dev.grantex.scim.sample.DirectoryFile} reads the file,
 * {@link dev.grantex.scim.sample.SyncPlanner} compares it with Grantex's users and plans
 * the changes, {@link dev.grantex.scim.sample.DirectorySync} prints and applies the plan,
 * and {@link dev.grantex.scim.sample.SyncCommand} runs it from the command line.
 */
@NullMarked
package dev.grantex.scim.sample;

import org.jspecify.annotations.NullMarked;
