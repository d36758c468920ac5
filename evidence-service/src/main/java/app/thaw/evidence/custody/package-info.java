/** The tamper-evident custody log: a SHA-256 hash chain of every access per case, and its verification. */
@NullMarked
package app.thaw.evidence.custody;

import org.jspecify.annotations.NullMarked;
