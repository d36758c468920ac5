package app.thaw.monitor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import app.thaw.platform.testing.ServiceShape;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/**
 * The one service shape (docs/service-shape.md) checked against identity-monitor's main classes, one
 * test per rule of {@link ServiceShape}, plus the rules of this service that still say something true.
 * No exemptions by name: a class that cannot follow a rule is in the wrong package.
 */
class ArchitectureTests {

    static final String BASE = "app.thaw.monitor";

    static final JavaClasses MONITOR = ServiceShape.mainClassesOf(BASE);

    @Test
    void packagesAreFreeOfCycles() {
        ServiceShape.packagesAreFreeOfCycles(BASE).check(MONITOR);
    }

    @Test
    void noFeatureReachesIntoAnotherFeaturesInternals() {
        ServiceShape.noFeatureReachesIntoAnotherFeaturesInternals(BASE).check(MONITOR);
    }

    @Test
    void onlyInternalPackagesTouchTheStore() {
        ServiceShape.onlyInternalPackagesTouchTheStore(BASE).check(MONITOR);
    }

    @Test
    void webNeverSeesInternals() {
        ServiceShape.webNeverSeesInternals(BASE).check(MONITOR);
    }

    @Test
    void noLayerPackages() {
        ServiceShape.noLayerPackages(BASE).check(MONITOR);
    }

    /** The detectors and name matching are plain Java: no Spring, no Reactor, no store. */
    @Test
    void detectionAndNameMatchingArePlainJava() {
        noClasses()
                .that()
                .resideInAnyPackage(BASE + ".detection..", BASE + ".screening.matching..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "reactor..", "org.bson..", "com.mongodb..")
                .check(MONITOR);
    }

    @Test
    void controllersArePackagePrivateAndLiveInWebPackages() {
        classes()
                .that()
                .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .or()
                .areAnnotatedWith(org.springframework.stereotype.Controller.class)
                .should()
                .resideInAPackage("..web")
                .andShould()
                .notBePublic()
                .check(MONITOR);
    }
}
