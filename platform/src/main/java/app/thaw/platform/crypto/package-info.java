/**
 * Keys: where a service's Tink keysets come from (generated in the embedded default, KMS-encrypted
 * in production).
 */
@NullMarked
package app.thaw.platform.crypto;

import org.jspecify.annotations.NullMarked;
