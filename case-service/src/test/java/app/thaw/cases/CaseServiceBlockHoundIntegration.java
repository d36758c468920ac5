package app.thaw.cases;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * What BlockHound lets pass in the case service's test JVM, on top of the platform's list. Every
 * entry says why it is not a defect.
 */
public class CaseServiceBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        // Jackson builds a deserializer for a request type the first time it meets it and guards its
        // cache with a lock held for that in-memory construction only (no I/O); under concurrent first
        // requests (the intake benchmark) an event loop can park on it for microseconds, once per type.
        builder.allowBlockingCallsInside(
                "tools.jackson.databind.deser.DeserializerCache", "_createAndCacheValueDeserializer");
        // Hibernate Validator caches each validated type's constraint metadata in a map whose
        // segments are guarded by short locks (in memory, no I/O); two first requests of one type
        // can meet on a segment for microseconds.
        builder.allowBlockingCallsInside(
                "org.hibernate.validator.internal.util.ConcurrentReferenceHashMap$Segment", "put");
        // springdoc computes the OpenAPI document once and caches it, under a lock; a request for
        // /v3/api-docs arriving while the first computation runs (in memory, from the handler
        // mappings) waits for it instead of computing it twice.
        builder.allowBlockingCallsInside("org.springdoc.api.AbstractOpenApiResource", "getOpenApi");
    }
}
