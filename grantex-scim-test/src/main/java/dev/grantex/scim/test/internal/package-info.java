/**
 * Implementation of the fake Grantex server: the request pipeline, the stores and the
 * JavaScript value semantics the real (Node.js) server exhibits. Not an API; anything
 * here may change.
 */
@NullMarked
package dev.grantex.scim.test.internal;

import org.jspecify.annotations.NullMarked;
