/** The one place where a case's refusals and bad requests become problem documents (codes in docs/problems.md). */
@NullMarked
package app.thaw.cases.problems;

import org.jspecify.annotations.NullMarked;
