/**
 * Tests that the README's snippets are the code the build compiles and tests, and that
 * what the README names exists.
 */
@NullMarked
package dev.grantex.scim.docs;

import org.jspecify.annotations.NullMarked;
