package app.thaw.evidence;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import app.thaw.platform.testing.ServiceShape;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** The service's shape (docs/service-shape.md): the platform's rules, then the service's own, none exempting by name. */
class ArchitectureTests {

    private static final String BASE = "app.thaw.evidence";

    private static final JavaClasses MAIN = ServiceShape.mainClassesOf(BASE);

    @Test
    void packagesAreFreeOfCycles() {
        ServiceShape.packagesAreFreeOfCycles(BASE).check(MAIN);
    }

    @Test
    void noFeatureReachesIntoAnotherFeaturesInternals() {
        ServiceShape.noFeatureReachesIntoAnotherFeaturesInternals(BASE).check(MAIN);
    }

    @Test
    void onlyInternalPackagesTouchTheStore() {
        ServiceShape.onlyInternalPackagesTouchTheStore(BASE).check(MAIN);
    }

    @Test
    void webNeverSeesInternals() {
        ServiceShape.webNeverSeesInternals(BASE).check(MAIN);
    }

    @Test
    void noLayerPackages() {
        ServiceShape.noLayerPackages(BASE).check(MAIN);
    }

    @Test
    void nothingButTheApplicationSitsAtTheTop() {
        // package-info is synthetic: the package's javadoc, not a class.
        classes()
                .that()
                .resideInAPackage(BASE)
                .and()
                .doNotHaveModifier(JavaModifier.SYNTHETIC)
                .should()
                .beAnnotatedWith(org.springframework.boot.autoconfigure.SpringBootApplication.class)
                .because("every other class belongs to a feature (docs/service-shape.md)")
                .check(MAIN);
    }

    @Test
    void theRecordsOfTheModelArePlainJava() {
        // The aggregates, typed ids and values a feature publishes at its top: no Reactor, no store, no Spring
        // wiring, no JSON library. HttpStatus is allowed: domain failures are ThawProblems (ADR 0021).
        classes()
                .that()
                .resideInAPackage(BASE + ".*")
                .and()
                .areRecords()
                .should()
                .onlyDependOnClassesThat()
                .resideOutsideOfPackages(
                        "reactor..",
                        "com.mongodb..",
                        "org.bson..",
                        "org.springframework.data..",
                        "org.springframework.web..",
                        "org.springframework.stereotype..",
                        "org.springframework.context..",
                        "org.springframework.beans..",
                        "tools.jackson..")
                .check(MAIN);
    }

    @Test
    void theOfflineVerifierNeedsNeitherSpringNorTheStore() {
        noClasses()
                .that()
                .resideInAPackage(BASE + ".dossier.offline..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..", "reactor..", "com.mongodb..", "org.bson..", "app.thaw.platform..")
                .check(MAIN);
    }

    @Test
    void controllersArePackagePrivate() {
        classes()
                .that()
                .areAnnotatedWith(RestController.class)
                .or()
                .areAnnotatedWith(Controller.class)
                .should()
                .notBePublic()
                .check(MAIN);
    }
}
