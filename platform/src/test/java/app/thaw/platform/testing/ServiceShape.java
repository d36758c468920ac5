package app.thaw.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The one shape every Thaw service has (docs/architecture.md, "One shape for every service"), as
 * ArchUnit rules each service's {@code ArchitectureTests} checks against its own main classes.
 *
 * <ul>
 *   <li>Package by feature: {@code app.thaw.<service>.<feature>}, the feature's public API at its top,
 *       {@code web} (controllers, request and response bodies) and {@code internal} (stores, mappers,
 *       anything another feature must not call) below it. No layer packages ({@code application},
 *       {@code domain}, {@code support}, …).
 *   <li>No package cycle anywhere: every package is its own slice.
 *   <li>No class reaches into another feature's {@code internal}.
 *   <li>Only {@code internal} packages touch the store's types ({@code org.bson}, the driver, Spring
 *       Data MongoDB): no {@code Document} or template travels above a store.
 *   <li>Controllers never see a store: nothing in {@code web} depends on an {@code internal} class.
 * </ul>
 *
 * There are no exemptions by name: a class that cannot follow a rule is in the wrong package.
 * {@code ServiceShapeTests} (platform) proves each rule fails on a sample that breaks it.
 */
public final class ServiceShape {

    /** Package names that describe a technical layer rather than a feature. */
    static final Set<String> LAYER_PACKAGE_NAMES = Set.of(
            "application",
            "domain",
            "support",
            "service",
            "services",
            "store",
            "stores",
            "repository",
            "repositories",
            "config",
            "configuration",
            "model",
            "util",
            "utils",
            "common",
            "shared",
            "helpers");

    private static final String[] STORE_PACKAGES = {"org.bson..", "com.mongodb..", "org.springframework.data.mongodb.."
    };

    private ServiceShape() {}

    /** The service's own main classes (no tests, no libraries). */
    public static JavaClasses mainClassesOf(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
        if (classes.size() < 10) {
            throw new IllegalStateException("Only " + classes.size() + " main classes under " + basePackage
                    + ": the rules would check nothing. Is the package right?");
        }
        return classes;
    }

    /**
     * Every rule below, for {@code basePackage}. A rule that finds nothing to check passes (a service
     * may have no {@code web} package); {@link #mainClassesOf} refuses an empty import instead.
     */
    public static List<ArchRule> rules(String basePackage) {
        return List.of(
                packagesAreFreeOfCycles(basePackage),
                noFeatureReachesIntoAnotherFeaturesInternals(basePackage),
                onlyInternalPackagesTouchTheStore(basePackage),
                webNeverSeesInternals(basePackage),
                noLayerPackages(basePackage));
    }

    /** Every package of the service is a slice; no two slices depend on each other, directly or around a loop. */
    public static ArchRule packagesAreFreeOfCycles(String basePackage) {
        return slices().matching(basePackage + ".(**)")
                .namingSlices("package $1")
                .should()
                .beFreeOfCycles()
                .because("a package cycle makes two features one and hides which way a change travels")
                .allowEmptyShould(true);
    }

    /** A class may use the {@code internal} packages of its own feature only. */
    public static ArchRule noFeatureReachesIntoAnotherFeaturesInternals(String basePackage) {
        return classes()
                .that()
                .resideInAPackage(basePackage + "..")
                .should(new ArchCondition<JavaClass>("not depend on another feature's internal packages") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        String own = featureOf(basePackage, origin.getPackageName());
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            String targetPackage = dependency.getTargetClass().getPackageName();
                            if (!isInternal(basePackage, targetPackage)) {
                                continue;
                            }
                            String theirs = featureOf(basePackage, targetPackage);
                            if (!theirs.equals(own)) {
                                events.add(SimpleConditionEvent.violated(
                                        dependency,
                                        dependency.getDescription() + " reaches into the internal package of feature '"
                                                + theirs + "'"));
                            }
                        }
                    }
                })
                .because("a feature's internal package (its store, mappers) is its own; others use its public API")
                .allowEmptyShould(true);
    }

    /** {@code org.bson}, the MongoDB driver and Spring Data MongoDB are used in {@code internal} packages only. */
    public static ArchRule onlyInternalPackagesTouchTheStore(String basePackage) {
        return noClasses()
                .that()
                .resideInAPackage(basePackage + "..")
                .and()
                .resideOutsideOfPackage(basePackage + "..internal..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(STORE_PACKAGES)
                .because("documents and templates stay below the store; everything above it speaks records")
                .allowEmptyShould(true);
    }

    /** Controllers and their bodies ({@code web}) never see a store or any other internal class. */
    public static ArchRule webNeverSeesInternals(String basePackage) {
        return noClasses()
                .that()
                .resideInAPackage(basePackage + "..web..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(basePackage + "..internal..")
                .because("controllers call the feature's public API, never its store")
                .allowEmptyShould(true);
    }

    /** Packages are named for features, never for technical layers ({@link #LAYER_PACKAGE_NAMES}). */
    public static ArchRule noLayerPackages(String basePackage) {
        return classes()
                .that()
                .resideInAPackage(basePackage + "..")
                .should(new ArchCondition<JavaClass>("reside in a package named for a feature, not for a layer") {
                    @Override
                    public void check(JavaClass javaClass, ConditionEvents events) {
                        String pkg = javaClass.getPackageName();
                        if (pkg.length() <= basePackage.length()) {
                            return;
                        }
                        Arrays.stream(pkg.substring(basePackage.length() + 1).split("\\."))
                                .filter(LAYER_PACKAGE_NAMES::contains)
                                .findFirst()
                                .ifPresent(layer -> events.add(SimpleConditionEvent.violated(
                                        javaClass, javaClass.getName() + " is in a layer package '" + layer + "'")));
                    }
                })
                .allowEmptyShould(true);
    }

    /** The feature a package belongs to: its first segment below the base ("" for the base itself). */
    static String featureOf(String basePackage, String packageName) {
        if (packageName.length() <= basePackage.length()) {
            return "";
        }
        String relative = packageName.substring(basePackage.length() + 1);
        int dot = relative.indexOf('.');
        return dot < 0 ? relative : relative.substring(0, dot);
    }

    static boolean isInternal(String basePackage, String packageName) {
        return packageName.startsWith(basePackage + ".") && (packageName + ".").contains(".internal.");
    }
}
