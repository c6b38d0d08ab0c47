/**
 * The code the README shows, as real code the build compiles and tests: each README
 * snippet is a region of a file here (or of a test elsewhere in the project) between
 * {@code tag::name[]} and {@code end::name[]} comments, and {@code ReadmeSnippetsTests}
 * fails when the README and the region differ.
 */
@NullMarked
package dev.grantex.scim.docs;

import org.jspecify.annotations.NullMarked;
