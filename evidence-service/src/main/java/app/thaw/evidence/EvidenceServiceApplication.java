package app.thaw.evidence;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Evidence: streamed files with hashes, a tamper-evident custody log, legal holds and signed dossiers. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EvidenceServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(EvidenceServiceApplication.class, args);
    }
}
