package app.thaw.cases.partner.internal;

import app.thaw.cases.partner.PartnerLinkService;
import app.thaw.platform.events.Traceparents;
import app.thaw.platform.tenancy.PartnerLinks;
import app.thaw.platform.tenancy.TenantAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A merchant's links to its partner banks, kept by the platform's {@link PartnerLinks}. */
@Configuration(proxyBeanMethods = false)
class PartnerConfiguration {

    @Bean
    PartnerLinkService partnerLinkService(PartnerLinks links, TenantAccess tenants, Traceparents traceparents) {
        return new PartnerLinkService(links, tenants, traceparents);
    }
}
