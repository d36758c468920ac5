/** The appeal letter: opening statement, reason → proof pairs, the request and the contact recap, as HTML and PDF. */
@NullMarked
package app.thaw.cases.appeal;

import org.jspecify.annotations.NullMarked;
