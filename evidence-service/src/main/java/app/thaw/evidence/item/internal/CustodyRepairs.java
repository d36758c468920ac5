package app.thaw.evidence.item.internal;

import app.thaw.evidence.casefile.CaseCustody;
import app.thaw.evidence.content.UploadProperties;
import app.thaw.evidence.item.UploadCustody;
import app.thaw.platform.timers.PeriodicPasses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every {@code reaper-interval}, the custody entries requests died before writing: of uploads
 * (ADR 57) and of holds and consents (ADR 52). Zero turns the passes off (tests drive them directly).
 */
@Configuration(proxyBeanMethods = false)
class CustodyRepairs {

    @Bean
    PeriodicPasses custodyRepairPasses(UploadCustody uploads, CaseCustody cases, UploadProperties settings) {
        return PeriodicPasses.of(
                        "custody repair of interrupted uploads",
                        settings.reaperInterval(),
                        settings.reaperInterval(),
                        uploads::repairAll)
                .and(
                        "custody repair of interrupted holds and consents",
                        settings.reaperInterval(),
                        settings.reaperInterval(),
                        cases::repairAll)
                .enabledWhen(settings.reaperInterval().isPositive());
    }
}
