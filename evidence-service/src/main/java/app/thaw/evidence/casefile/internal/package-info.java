/** The case files in MongoDB: one document per case, with its holds, consents, owed custody entries and outbox. */
@NullMarked
package app.thaw.evidence.casefile.internal;

import org.jspecify.annotations.NullMarked;
