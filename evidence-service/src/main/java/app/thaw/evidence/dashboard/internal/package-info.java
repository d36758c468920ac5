/** The case labels in MongoDB: each case's number and holder, as case-service's events told them. */
@NullMarked
package app.thaw.evidence.dashboard.internal;

import org.jspecify.annotations.NullMarked;
