package io.covenant;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

/**
 * What Spring Modulith does not check: it sees a module's public types as its API, so a repository or controller
 * made public by mistake would pass; these rules keep the internals internal and the layers apart.
 */
class ArchitectureRulesTests {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.covenant");

    static final DescribedPredicate<JavaClass> REPOSITORIES = DescribedPredicate.describe(
            "repositories",
            c -> c.isAnnotatedWith(Repository.class) || c.getSimpleName().endsWith("Repository"));

    @Test
    void controllersArePackagePrivateBecauseOnlySpringCallsThem() {
        noClasses()
                .that()
                .areAnnotatedWith(RestController.class)
                .or()
                .areAnnotatedWith(Controller.class)
                .should()
                .bePublic()
                .check(MAIN);
    }

    @Test
    void repositoriesArePackagePrivateBecauseOnlyTheirModulesServiceUsesThem() {
        noClasses().that(REPOSITORIES).should().bePublic().check(MAIN);
    }

    @Test
    void repositoriesAreNotUsedFromAnotherModule() {
        classes().that(REPOSITORIES).should(beUsedOnlyInsideTheirModule()).check(MAIN);
    }

    @Test
    void webPackagesReachTheDatabaseOnlyThroughServices() {
        noClasses()
                .that()
                .resideInAPackage("io.covenant..web..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(JdbcClient.class)
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(JdbcTemplate.class)
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(NamedParameterJdbcTemplate.class)
                .check(MAIN);
    }

    /** Output goes through the logger, which carries the request id and the level; nothing in main code needs more. */
    @Test
    void nothingWritesToTheStandardStreams() {
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(MAIN);
    }

    /**
     * Training is a tool beside the service (its own main class): no class of the service, its entry point included,
     * reaches it, so the service's runtime never loads it. Modulith alone would allow a module other than prediction
     * to use it.
     */
    @Test
    void nothingOfTheServiceDependsOnTheTrainingTool() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.covenant.training..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.covenant.training..")
                .check(MAIN);
    }

    /** The module is the first package under io.covenant: {@code io.covenant.company.web.X} is in {@code company}. */
    static String module(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith("io.covenant.")) {
            return name;
        }
        String rest = name.substring("io.covenant.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    static ArchCondition<JavaClass> beUsedOnlyInsideTheirModule() {
        return new ArchCondition<>("be used only inside their module") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                for (Dependency dependency : repository.getDirectDependenciesToSelf()) {
                    JavaClass user = dependency.getOriginClass();
                    if (!module(user).equals(module(repository))) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
