package io.roamdesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering: front ends (api, console) call services; only services touch the database. */
@AnalyzeClasses(packages = "io.roamdesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule frontEndsNeverTouchTheDatabase = noClasses()
            .that().resideInAnyPackage("io.roamdesk.api..", "io.roamdesk.console..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "io.roamdesk.jooq..");

    /**
     * SQL runs in repositories only (one per aggregate, in its feature package): a statement is
     * found where its table's other statements are. The generated jOOQ classes are the one exception.
     */
    @ArchTest
    static final ArchRule onlyRepositoriesRunSql = noClasses()
            .that().haveSimpleNameNotEndingWith("Repository")
            .and().resideOutsideOfPackage("io.roamdesk.jooq..")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.jooq.DSLContext");

    @ArchTest
    static final ArchRule vaadinStaysInTheConsole = noClasses()
            .that().resideOutsideOfPackages("io.roamdesk.console..")
            .and().doNotHaveFullyQualifiedName(Application.class.getName())
            .should().dependOnClassesThat().resideInAnyPackage("com.vaadin..");

    @ArchTest
    static final ArchRule servicesKnowNoFrontEnd = noClasses()
            .that().resideInAnyPackage("io.roamdesk.app..", "io.roamdesk.roaming..", "io.roamdesk.security..",
                    "io.roamdesk.core..", "io.roamdesk.users..")
            .should().dependOnClassesThat().resideInAnyPackage("io.roamdesk.api..", "io.roamdesk.console..",
                    "io.roamdesk.demo..");

    @ArchTest
    static final ArchRule frontEndsAreIndependent = noClasses()
            .that().resideInAPackage("io.roamdesk.api..")
            .should().dependOnClassesThat().resideInAPackage("io.roamdesk.console..");

    @ArchTest
    static final ArchRule coreDependsOnNoFeature = noClasses()
            .that().resideInAPackage("io.roamdesk.core..")
            .should().dependOnClassesThat().resideInAnyPackage("io.roamdesk.app..", "io.roamdesk.roaming..",
                    "io.roamdesk.security..", "io.roamdesk.audit..");

    /** The client library ships to other programs: the JDK, Jackson and its own classes only. */
    @ArchTest
    static final ArchRule clientNeedsOnlyTheJdkAndJackson = classes()
            .that().resideInAPackage("io.roamdesk.client..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.fasterxml.jackson..",
                    "io.roamdesk.client..", "org.jspecify.annotations..");

    @ArchTest
    static final ArchRule nothingOnTheServerUsesTheClient = noClasses()
            .that().resideOutsideOfPackage("io.roamdesk.client..")
            .should().dependOnClassesThat().resideInAPackage("io.roamdesk.client..");

    @ArchTest
    static final ArchRule noCyclesBetweenFeatures = slices().matching("io.roamdesk.(*)..").should().beFreeOfCycles();
}
