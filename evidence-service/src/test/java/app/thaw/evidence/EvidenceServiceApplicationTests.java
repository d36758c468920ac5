package app.thaw.evidence;

import app.thaw.evidence.support.EvidenceWebTestSupport;
import app.thaw.platform.testing.ApiAnswers;
import org.junit.jupiter.api.Test;

/** The platform's contract (boot, tokens, whoami, readiness, OpenAPI) on this service's one test context. */
class EvidenceServiceApplicationTests extends EvidenceWebTestSupport {

    @Test
    void theOpenApiDocumentListsTheEvidenceEndpointsWithSummaries() {
        ApiAnswers.apiDocument(web)
                .jsonPath("$.paths['/api/v1/evidence/cases/{caseId}/items'].post.summary")
                .exists()
                .jsonPath("$.paths['/api/v1/evidence/items/{id}/content'].get.summary")
                .exists()
                .jsonPath("$.paths['/api/v1/evidence/items/{id}/verdict'].post.summary")
                .exists()
                .jsonPath("$.paths['/api/v1/evidence/cases/{caseId}/custody/verify'].get.summary")
                .exists()
                .jsonPath("$.paths['/api/v1/evidence/cases/{caseId}/holds'].post.summary")
                .exists()
                .jsonPath("$.paths['/api/v1/evidence/cases/{caseId}/consents'].post.summary")
                .exists()
                .jsonPath("$.paths['/api/v1/evidence/cases/{caseId}/dossier'].get.summary")
                .exists()
                .jsonPath("$.paths['/api/v1/evidence/dossiers/verify'].post.summary")
                .exists()
                .jsonPath("$.paths['/api/v1/evidence/dossiers/jwks.json'].get.summary")
                .exists();
    }
}
