package app.thaw.platform.idempotency;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One key of one tenant in {@code idempotency_keys}: first the claim of the request that runs,
 * then the response every retry is given. A record whose {@code expiresAt} has passed counts as
 * absent, whether or not the store has removed it yet.
 *
 * @param principal   who sent it: the token's subject and client ({@code subject|client}); only they get its response
 * @param fingerprint SHA-256 of the method, path, query and body of the request that claimed the key
 * @param claimId     names the claim, so that only its own request completes or releases it
 * @param expiresAt   the claim's lease while {@code IN_PROGRESS}, the end of retention once {@code COMPLETED}
 * @param response    the first response, once {@code COMPLETED}
 */
record IdempotencyRecord(
        @Nullable String id,
        String tenant,
        String principal,
        String key,
        String fingerprint,
        State state,
        String claimId,
        Instant createdAt,
        Instant expiresAt,
        @Nullable StoredResponse response) {

    enum State {
        IN_PROGRESS,
        COMPLETED
    }

    static IdempotencyRecord claim(Scope scope, String claimId, Instant now, Instant leaseEnds) {
        return new IdempotencyRecord(
                null,
                scope.tenant(),
                scope.principal(),
                scope.key(),
                scope.fingerprint(),
                State.IN_PROGRESS,
                claimId,
                now,
                leaseEnds,
                null);
    }

    boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }

    /**
     * The first response as it is replayed.
     *
     * @param headers the headers that describe the result (see {@code IdempotencyKeyFilter.REPLAYED_HEADERS})
     * @param body    the exact bytes, or {@code null} when they were too large or streamed and were not kept
     */
    record StoredResponse(int status, Map<String, List<String>> headers, byte @Nullable [] body) {}

    /** Whose key this is (tenant and principal) and which request claimed it. */
    record Scope(String tenant, String principal, String key, String fingerprint) {

        /**
         * A stable name of the effect this key stands for: the same on every retry of the request by
         * the same principal with the same key, different for anyone else (see {@code IdempotentEffects}).
         */
        String effectSeed() {
            return tenant + '\u0000' + principal + '\u0000' + key;
        }
    }
}
