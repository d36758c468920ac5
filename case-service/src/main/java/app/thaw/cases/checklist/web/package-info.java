/** Checklist API: staff set a requirement's status until evidence-service reports it. */
@NullMarked
package app.thaw.cases.checklist.web;

import org.jspecify.annotations.NullMarked;
