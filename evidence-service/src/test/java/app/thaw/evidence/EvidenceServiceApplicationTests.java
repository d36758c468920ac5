package app.thaw.evidence;

import app.thaw.evidence.support.EvidenceWebTestSupport;

/** The platform's contract (boot, tokens, whoami, readiness, OpenAPI) on this service's one test context. */
class EvidenceServiceApplicationTests extends EvidenceWebTestSupport {
}
