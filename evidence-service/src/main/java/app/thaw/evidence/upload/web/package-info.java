/** HTTP entry for uploads: multipart and raw streaming bodies. */
@NullMarked
package app.thaw.evidence.upload.web;

import org.jspecify.annotations.NullMarked;
