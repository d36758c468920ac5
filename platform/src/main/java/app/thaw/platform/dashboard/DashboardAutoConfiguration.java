package app.thaw.platform.dashboard;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.resource.LiteWebJarsResourceResolver;
import org.springframework.web.server.i18n.LocaleContextResolver;
import org.thymeleaf.spring6.ISpringWebFluxTemplateEngine;
import org.webjars.WebJarVersionLocator;

/**
 * Server-rendered staff pages (the gateway's console, each service's dashboard): the language
 * resolver, a template engine set up at startup (its lazy first-use set-up would block an event
 * loop), and for a service the shared assets and WebJars under {@code /dashboard/<area>/}, the
 * only prefix the gateway relays to it.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration")
@ConditionalOnClass(ISpringWebFluxTemplateEngine.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class DashboardAutoConfiguration {

    /** The shared styles and scripts, in the platform jar. */
    public static final String ASSETS = "classpath:/thaw/dashboard/assets/";

    public static final String WEBJARS = "classpath:/META-INF/resources/webjars/";
    /** The zone a dashboard shows times in where it knows no tenant's own ({@link ThawFormat}). */
    public static final String TIME_ZONE = "thaw.dashboard.time-zone";

    public static final String DEFAULT_TIME_ZONE = "Asia/Shanghai";

    /** The name WebFlux looks the resolver up by. */
    @Bean(name = "localeContextResolver")
    @ConditionalOnMissingBean(name = "localeContextResolver")
    LocaleContextResolver localeContextResolver() {
        return new ThawLocales();
    }

    @Bean
    SmartInitializingSingleton templateEngineReady(ISpringWebFluxTemplateEngine templates) {
        return templates::getConfiguration;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty("thaw.service.area")
    static class ServiceDashboard implements WebFluxConfigurer {

        private final String area;
        private final ZoneId zone;

        ServiceDashboard(Environment environment) {
            this.area = environment.getRequiredProperty("thaw.service.area");
            this.zone = ZoneId.of(environment.getProperty(TIME_ZONE, DEFAULT_TIME_ZONE));
        }

        @Override
        public void addResourceHandlers(ResourceHandlerRegistry registry) {
            addSharedAssets(registry, "/dashboard/" + area);
        }

        @Bean
        DashboardModel dashboardModel(ObjectProvider<Clock> clock) {
            return new DashboardModel(area, clock.getIfAvailable(Clock::systemUTC), zone);
        }
    }

    /**
     * The WebJars the pages use, their versions looked up once at class loading: the locator reads
     * each WebJar's metadata from its jar on first use, which must not happen on an event loop.
     * Version-free paths ({@code htmx.org/dist/htmx.min.js}) then resolve from its cache.
     */
    private static final WebJarVersionLocator WEBJAR_VERSIONS = new WebJarVersionLocator();

    static {
        for (String webjar : new String[] {"htmx.org", "chart.js"}) {
            if (WEBJAR_VERSIONS.version(webjar) == null) {
                throw new IllegalStateException(
                        "The " + webjar + " WebJar the dashboards need is not on the classpath");
            }
        }
    }

    /** Serves the shared assets under {@code <base>/assets/**} and WebJars under {@code <base>/webjars/**}. */
    public static void addSharedAssets(ResourceHandlerRegistry registry, String base) {
        registry.addResourceHandler(base + "/assets/**").addResourceLocations(ASSETS);
        registry.addResourceHandler(base + "/webjars/**")
                .addResourceLocations(WEBJARS)
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver(WEBJAR_VERSIONS));
    }
}
