/**
 * Directory sync: a Spring Boot application that makes Grantex's users match a directory
 * file, with the auto-configured {@link dev.grantex.scim.ScimClient}.
 *
 * <p>
 * {@link dev.grantex.scim.sample.DirectoryFile} reads the file,
 * {@link dev.grantex.scim.sample.SyncPlanner} compares it with Grantex's users and plans
 * the changes, {@link dev.grantex.scim.sample.DirectorySync} prints and applies the plan,
 * a few changes at a time with {@link dev.grantex.scim.sample.ChangeScheduler},
 * {@link dev.grantex.scim.sample.SyncCommand} runs it from the command line, and
 * {@link dev.grantex.scim.sample.GrantexConnection} says where Grantex is: the configured
 * one, or the {@link dev.grantex.scim.sample.EmbeddedGrantex embedded fake}.
 */
@NullMarked
package dev.grantex.scim.sample;

import org.jspecify.annotations.NullMarked;
