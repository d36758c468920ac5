/** The legal holds endpoints: place and release a hold on a case. */
@NullMarked
package app.thaw.evidence.hold.web;

import org.jspecify.annotations.NullMarked;
