/** The evidence items in MongoDB: one document per item, its outbox events and custody-pending mark. */
@NullMarked
package app.thaw.evidence.item.internal;

import org.jspecify.annotations.NullMarked;
