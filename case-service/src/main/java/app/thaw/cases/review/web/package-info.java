/** Review API: the post-incident review, its action items, and the tenant's case library. */
@NullMarked
package app.thaw.cases.review.web;

import org.jspecify.annotations.NullMarked;
