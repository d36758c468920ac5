/** Followed-cases API for insurers. */
@NullMarked
package app.thaw.cases.insurer.web;

import org.jspecify.annotations.NullMarked;
