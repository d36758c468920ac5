/** The staff dashboard under /dashboard/cases/: the queue by breach risk, a case's page with its actions, drill reports and charts. */
@NullMarked
package app.thaw.cases.dashboard.web;

import org.jspecify.annotations.NullMarked;
