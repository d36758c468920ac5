/** The custody log: one tamper-evident hash chain per case, its entries and the chain's rules (plain Java). */
@NullMarked
package app.thaw.evidence.custody;

import org.jspecify.annotations.NullMarked;
