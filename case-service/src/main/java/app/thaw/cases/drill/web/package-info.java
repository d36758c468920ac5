/** Drill API: start a drill case and read its report against its clocks. */
@NullMarked
package app.thaw.cases.drill.web;

import org.jspecify.annotations.NullMarked;
