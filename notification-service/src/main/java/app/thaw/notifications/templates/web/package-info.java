/** HTTP API for templates and their preview. */
@NullMarked
package app.thaw.notifications.templates.web;

import org.jspecify.annotations.NullMarked;
