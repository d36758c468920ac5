/** Streams an upload into the content store while hashing, sizing and sniffing it, and records the item. */
@NullMarked
package app.thaw.evidence.upload;

import org.jspecify.annotations.NullMarked;
