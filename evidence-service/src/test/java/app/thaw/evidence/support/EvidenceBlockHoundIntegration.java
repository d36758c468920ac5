package app.thaw.evidence.support;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * What BlockHound lets pass in this module's tests, beyond the platform's list. Each entry says why
 * it is not a defect.
 */
public class EvidenceBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        // Netty's adaptive buffer allocator takes a StampedLock for a few instructions when a burst
        // of large reads (a streamed upload) makes it add a buffer magazine; no I/O happens under it.
        builder.allowBlockingCallsInside(
                "io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "tryExpandMagazines");
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free");
    }
}
