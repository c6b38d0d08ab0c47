/**
 * An application that calls several Grantex accounts, one client per account, as the
 * README's worked example shows it.
 */
@NullMarked
package dev.grantex.scim.autoconfigure.tenants;

import org.jspecify.annotations.NullMarked;
