/** Endpoints every service exposes the same way. */
@NullMarked
package app.thaw.platform.web;

import org.jspecify.annotations.NullMarked;
