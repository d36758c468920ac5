package app.thaw.monitor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Identity monitoring: protected identifiers, signals, anomaly detection, sanctions screening and alerts. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityMonitorApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentityMonitorApplication.class, args);
    }
}
