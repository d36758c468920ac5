package app.thaw.evidence;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTests {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("app.thaw.evidence");
    }

    @Test
    void theDomainModelIsPlainJava() {
        // HttpStatus is allowed: domain failures are ThawProblems, which carry their status (ADR 0021).
        noClasses().that().resideInAPackage("app.thaw.evidence.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("reactor..", "com.mongodb..", "org.bson..",
                        "org.springframework.data..", "org.springframework.web..", "org.springframework.stereotype..",
                        "org.springframework.context..", "org.springframework.beans..", "app.thaw.evidence.store..",
                        "app.thaw.evidence.item..", "tools.jackson..")
                .check(classes);
    }

    @Test
    void theOfflineVerifierNeedsNeitherSpringNorTheStore() {
        noClasses().that().resideInAPackage("app.thaw.evidence.dossier.offline..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..", "com.mongodb..",
                        "org.bson..", "app.thaw.platform..")
                .check(classes);
    }

    @Test
    void controllersArePackagePrivateAndNeverTouchTheStore() {
        classes().that().resideInAPackage("..web..").and().haveSimpleNameEndingWith("Controller")
                .should().notBePublic().check(classes);
        noClasses().that().resideInAPackage("..web..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.data.mongodb..", "com.mongodb..",
                        "app.thaw.evidence.store..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("app.thaw.evidence.item.EvidenceItems")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("app.thaw.evidence.casefile.CaseFiles")
                .check(classes);
    }
}
