package app.thaw.evidence.content.internal;

import app.thaw.evidence.content.BlobStore;
import app.thaw.evidence.content.UploadProperties;
import app.thaw.platform.timers.PeriodicPasses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every {@code reaper-interval}, removes what interrupted uploads left behind (0 turns it off; tests drive it directly). */
@Configuration(proxyBeanMethods = false)
class UploadReaping {

    @Bean
    PeriodicPasses uploadReaperPass(BlobStore blobs, UploadProperties settings) {
        return PeriodicPasses.of(
                        "upload reaper", settings.reaperInterval(), settings.reaperInterval(), blobs::reapAbandoned)
                .enabledWhen(settings.reaperInterval().isPositive());
    }
}
