package app.thaw.monitor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import app.thaw.platform.problem.ThawProblem;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

    static final JavaClasses MONITOR = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.thaw.monitor");

    @Test
    void theDomainModelIsPlainJava() {
        noClasses().that().resideInAnyPackage("app.thaw.monitor.baseline", "app.thaw.monitor.detection",
                        "app.thaw.monitor.screening.matching", "app.thaw.monitor.alerts", "app.thaw.monitor.subjects",
                        "app.thaw.monitor.signals", "app.thaw.monitor.rules", "app.thaw.monitor.protection",
                        "app.thaw.monitor.subscription")
                .and().haveSimpleNameNotEndingWith("Service")
                .and().haveSimpleNameNotEndingWith("Processing")
                .and().haveSimpleNameNotEndingWith("Configuration")
                .and().haveSimpleNameNotEndingWith("Properties")
                .and().areNotAssignableTo(ThawProblem.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..", "org.bson..", "com.mongodb..")
                .check(MONITOR);
    }

    @Test
    void controllersArePackagePrivateAndLiveInWebPackages() {
        classes().that().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .should().resideInAPackage("..web").andShould().notBePublic()
                .check(MONITOR);
    }

    @Test
    void onlyStoresTouchTheMongoTemplateOutsideServices() {
        noClasses().that().resideInAPackage("..web")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.data.mongodb.core.ReactiveMongoTemplate")
                .check(MONITOR);
    }
}
