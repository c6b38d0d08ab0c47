/**
 * Wire and transport details of the Grantex SCIM client. Not API: nothing outside this
 * library imports it, and it changes without notice.
 */
@NullMarked
package dev.grantex.scim.internal;

import org.jspecify.annotations.NullMarked;
