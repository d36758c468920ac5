/** The staff dashboard's pages under {@code /dashboard/evidence/}: review queue, a case's evidence, custody and holds, upload. */
@NullMarked
package app.thaw.evidence.dashboard.web;

import org.jspecify.annotations.NullMarked;
