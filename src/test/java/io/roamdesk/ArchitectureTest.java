package io.roamdesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.roamdesk.core.AutoCommit;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

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

    /** Console work off the request thread runs on Spring's task executor (bounded, shut down with the app). */
    @ArchTest
    static final ArchRule consoleBackgroundWorkOnTheTaskExecutor = noClasses()
            .that().resideInAPackage("io.roamdesk.console..")
            .should().callMethod(java.util.concurrent.CompletableFuture.class, "supplyAsync", java.util.function.Supplier.class)
            .orShould().callMethod(java.util.concurrent.CompletableFuture.class, "runAsync", Runnable.class)
            .orShould().dependOnClassesThat().areAssignableTo(java.util.concurrent.ForkJoinPool.class)
            .as("the console runs no work on the common ForkJoinPool");

    // ---- one transaction style (docs/reliability.md, "Transactions")

    /** Services own transactions: {@code @Transactional} on nothing else (repositories, controllers, views). */
    @ArchTest
    static final ArchRule onlyServicesDeclareTransactions = noMethods()
            .that().areDeclaredInClassesThat().areNotAnnotatedWith(Service.class)
            .should().beAnnotatedWith(Transactional.class)
            .as("no method outside a @Service is @Transactional");

    @ArchTest
    static final ArchRule noClassWideTransactions = noClasses()
            .should().beAnnotatedWith(Transactional.class)
            .as("no class is @Transactional as a whole (each service method says what it needs)");

    /**
     * A TransactionTemplate only where one call runs several transactions or must see its own
     * commit, each for the reason given; everything else is {@code @Transactional}.
     */
    static final Map<String, String> TRANSACTION_TEMPLATE_USERS = Map.of(
            "io.roamdesk.roaming.IngestService", "a deadlock victim's write runs again in a new transaction",
            "io.roamdesk.roaming.DeletionService", "a delete-for-all deletes in batches, a transaction each",
            "io.roamdesk.audit.DeletionJobs", "a resumable job: a transaction per batch, each retried",
            "io.roamdesk.audit.AuditedActions", "the action retried; a refused one audited in a transaction of its own",
            "io.roamdesk.security.AccountAdministration", "a refused change audited in a transaction of its own",
            "io.roamdesk.audit.AuditTrail", "a chain's head row created and committed before it is locked",
            "io.roamdesk.security.FirstAdministrator", "called from its own run(), which a proxy does not see",
            "io.roamdesk.audit.GracePeriodJobs", "a resumable purge and a restore: a transaction per batch",
            "io.roamdesk.retention.RetentionPurge", "a resumable purge: a transaction per batch and checkpoint",
            "io.roamdesk.roaming.UndoDataPrune", "a pass over an app's old deletions: a transaction per deletion");

    @ArchTest
    static final ArchRule transactionTemplatesOnlyWhereACallRunsSeveralTransactions = noClasses()
            .that(DescribedPredicate.describe("are not listed in TRANSACTION_TEMPLATE_USERS",
                    (JavaClass c) -> !TRANSACTION_TEMPLATE_USERS.containsKey(c.getName().split("\\$")[0])))
            .should().dependOnClassesThat().areAssignableTo(TransactionTemplate.class);

    /**
     * Every public service method that reaches a repository says how it runs: in a transaction
     * ({@code @Transactional}), through a TransactionTemplate, or deliberately without one
     * ({@link AutoCommit}). Followed through the class's own methods and lambdas.
     */
    @ArchTest
    static final ArchRule serviceMethodsDeclareTheirTransactions = methods()
            .that().arePublic().and().areDeclaredInClassesThat().areAnnotatedWith(Service.class)
            .and().areNotAnnotatedWith(Transactional.class).and().areNotAnnotatedWith(AutoCommit.class)
            .should(new ArchCondition<JavaMethod>("not reach a repository without a transaction of their own") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    boolean repository = reaches(method, c -> c.getSimpleName().endsWith("Repository"));
                    boolean template = reaches(method, c -> c.isAssignableTo(TransactionTemplate.class));
                    if (repository && !template) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName()
                                + " reaches a repository but is neither @Transactional nor @AutoCommit"));
                    }
                }
            });

    /** Whether the code unit calls into such a class, directly or through its own class's methods and lambdas. */
    private static boolean reaches(JavaCodeUnit start, Predicate<JavaClass> target) {
        Set<JavaCodeUnit> seen = new HashSet<>();
        ArrayDeque<JavaCodeUnit> todo = new ArrayDeque<>(Set.of(start));
        while (!todo.isEmpty()) {
            JavaCodeUnit unit = todo.pop();
            if (!seen.add(unit)) {
                continue;
            }
            for (var call : unit.getCallsFromSelf()) {
                if (target.test(call.getTargetOwner())) {
                    return true;
                }
                if (call.getTargetOwner().equals(start.getOwner())) {
                    call.getTarget().resolveMember().ifPresent(todo::push);
                }
            }
            // a lambda's body is a synthetic method of the class, named after the method it is in
            start.getOwner().getCodeUnits().stream()
                    .filter(u -> u.getName().startsWith("lambda$" + unit.getName() + "$"))
                    .forEach(todo::push);
        }
        return false;
    }
}
