/**
 * The README's examples of the fake Grantex server: started by hand, scripted faults, and
 * the faults of a hostile server.
 */
@NullMarked
package dev.grantex.scim.docs.fake;

import org.jspecify.annotations.NullMarked;
