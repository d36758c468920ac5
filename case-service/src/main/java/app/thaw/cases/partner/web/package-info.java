/** Partner links API: link, revoke, list. */
@NullMarked
package app.thaw.cases.partner.web;

import org.jspecify.annotations.NullMarked;
