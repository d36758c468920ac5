/** Appeal letter API: the letter of a case as HTML or PDF, in zh-CN or en. */
@NullMarked
package app.thaw.cases.appeal.web;

import org.jspecify.annotations.NullMarked;
