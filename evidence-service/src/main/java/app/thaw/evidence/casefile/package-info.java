/** What this service knows about a case — its tenant and scenario (from case events), holds and consents — and who may reach it (CaseAccess, TenantScope). */
@NullMarked
package app.thaw.evidence.casefile;

import org.jspecify.annotations.NullMarked;
