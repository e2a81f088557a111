package quant.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module boundaries of DESIGN.md: app → {importers, samples} → core, and no JavaFX in core. */
class ArchitectureTest {
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // core's test helpers (a scratch database on the test server) arrive as a test jar
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("quant");
    }

    @Test
    void coreHasNoJavaFx() {
        noClasses()
                .that()
                .resideInAPackage("quant.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..", "atlantafx..", "software.coley.bentofx..")
                .because("core runs headless: the CLI, tests and reports must work without a UI toolkit")
                .check(classes);
    }

    @Test
    void coreDependsOnNoOtherModule() {
        noClasses()
                .that()
                .resideInAPackage("quant.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("quant.importers..", "quant.samples..", "quant.app..")
                .because("every other module builds on core, never the other way round")
                .check(classes);
    }

    @Test
    void importersAndSamplesDoNotDependOnTheApp() {
        noClasses()
                .that()
                .resideInAnyPackage("quant.importers..", "quant.samples..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("quant.app..", "javafx..")
                .because("importers and the sample company are used headless by the CLI and by tests")
                .check(classes);
    }

    @Test
    void importersDoNotDependOnSamples() {
        noClasses()
                .that()
                .resideInAPackage("quant.importers..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("quant.samples..")
                .because("the sample company is data for the importers, not a part of them")
                .check(classes);
    }

    @Test
    void onlyCoreSpeaksJooq() {
        noClasses()
                .that()
                .resideOutsideOfPackage("quant.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.jooq..", "quant.core.store.generated..")
                .because("repositories return domain records, never jOOQ records: SQL stays inside core")
                .check(classes);
    }

    @Test
    void onlyCoreSpeaksSqlOrH2() {
        noClasses()
                .that()
                .resideOutsideOfPackages("quant.core..", "quant.bench..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "javax.sql..", "org.h2..", "org.flywaydb..")
                .because("SQL, H2 and its error codes live behind the store, so the PostgreSQL server mode can"
                        + " replace them in one module")
                .check(classes);
    }

    @Test
    void theAppDoesNotReachTheReadersAndParsers() {
        noClasses()
                .that()
                .resideInAPackage("quant.app..")
                .should()
                .dependOnClassesThat(JavaClass.Predicates.simpleNameEndingWith("Parser")
                        .or(JavaClass.Predicates.simpleNameEndingWith("TableReader"))
                        .or(JavaClass.Predicates.resideInAPackage("quant.importers.check..")
                                .and(DescribedPredicate.not(
                                        JavaClass.Predicates.belongToAnyOf(quant.importers.check.PreviewCheck.class)))))
                .because("the app imports through the engine and the wizard's view model, not through the"
                        + " readers, the parsers or the row checks (the wizard shows the checks' verdict on"
                        + " previewed rows through PreviewCheck only)")
                .check(classes);
    }

    @Test
    void viewModelsNeverTouchNodes() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("ViewModel")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .because("view models hold state as properties; only views build and touch nodes")
                .check(classes);
    }

    @Test
    void corePackagesAreFreeOfCycles() {
        com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
                .matching("quant.core.(*)..")
                .should()
                .beFreeOfCycles()
                .because("a package that needs another that needs it cannot be understood, tested or moved alone")
                .check(classes);
    }

    @Test
    void appPackagesAreFreeOfCycles() {
        com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
                .matching("quant.app.(*)..")
                .should()
                .beFreeOfCycles()
                .because("a package that needs another that needs it cannot be understood, tested or moved alone")
                .check(classes);
    }

    @Test
    void analysesDoNotTouchTheStore() {
        noClasses()
                .that()
                .resideInAnyPackage(ANALYSES)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("quant.core.store..", "java.sql..", "javax.sql..", "org.jooq..")
                .because("analyses compute on the snapshot they are given; reading the database is the"
                        + " snapshot loader's and the repositories' work")
                .check(classes);
    }

    @Test
    void sqlStaysInThePackagesThatOwnIt() {
        noClasses()
                .that()
                .resideInAPackage("quant.core..")
                .and()
                .resideOutsideOfPackages(SQL_OWNERS)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "javax.sql..", "org.jooq..")
                .because("SQL lives in the store and its repositories (ADR 0026), so a second engine"
                        + " changes that package only")
                .check(classes);
    }

    @Test
    void reportsAreRenderedFromTheModelNotTheStore() {
        noClasses()
                .that()
                .resideInAPackage("quant.core.report..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("quant.core.store..", "java.sql..")
                .because("a report is built from a result; writing it reads nothing from the database")
                .check(classes);
    }

    @Test
    void everyAnalysisResultCarriesItsAsOfDateTheSameWay() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that()
                .haveSimpleNameEndingWith("Result")
                .and()
                .areTopLevelClasses()
                .and()
                .resideInAnyPackage(
                        "quant.core.cohort..",
                        "quant.core.clv..",
                        "quant.core.churn..",
                        "quant.core.segment..",
                        "quant.core.forecast.business..",
                        "quant.core.pipeline..",
                        "quant.core.marketing..",
                        "quant.core.market..",
                        "quant.core.operations..",
                        "quant.core.finance..")
                .should()
                .implement(quant.core.analysis.Dated.class)
                .because("the views, the reports and the board pack read an analysis's as-of date one way")
                .check(classes);
    }

    /** The packages of analyses: they compute, they do not read. */
    static final String[] ANALYSES = {
        "quant.core.cohort..",
        "quant.core.clv..",
        "quant.core.churn..",
        "quant.core.segment..",
        "quant.core.pipeline..",
        "quant.core.marketing..",
        "quant.core.operations..",
        "quant.core.finance..",
        "quant.core.kpi..",
        "quant.core.explore..",
        "quant.core.stats..",
        "quant.core.report..",
        "quant.core.chart.."
    };

    /**
     * The packages that speak JDBC or jOOQ: the store and its repositories ({@code quant.core.store.repo},
     * ADR 0026); the rest of core reads and writes through them.
     */
    static final String[] SQL_OWNERS = {"quant.core.store.."};
}
