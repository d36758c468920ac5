package app.thaw.gateway.console;

import app.thaw.platform.dashboard.DashboardAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/** The console uses the dashboards' shared styles and scripts, served under {@code /console/}. */
@Configuration(proxyBeanMethods = false)
class ConsoleAssets implements WebFluxConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        DashboardAutoConfiguration.addSharedAssets(registry, "/console");
    }
}
