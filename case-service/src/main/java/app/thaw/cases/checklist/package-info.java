/** The evidence catalogue (docs/domain.md §5) and the checklist a case derives from its scenario and holder type. */
@NullMarked
package app.thaw.cases.checklist;

import org.jspecify.annotations.NullMarked;
