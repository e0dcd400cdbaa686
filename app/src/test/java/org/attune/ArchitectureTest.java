package org.attune;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.attune.scheme.ArchViolationFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering rule: pure domain packages (scheme, and later coding, agreement, analysis) use
 * neither JavaFX nor JDBC, so they run and are tested headless; only ui touches JavaFX.
 *
 * <p>Plain {@code @Test} methods rather than {@code @ArchTest} fields: Surefire 3.5.3 silently
 * skips {@code @ArchTest} fields and drops their failures (TNG/ArchUnit #1442, #1524).
 */
class ArchitectureTest {

    static final String[] PURE = {"org.attune.scheme..", "org.attune.coding..", "org.attune.exchange..", "org.attune.agreement..", "org.attune.analysis..", "org.attune.media..", "org.attune.reliability.."};

    static final ArchRule DOMAIN_WITHOUT_JAVAFX = noClasses().that().resideInAnyPackage(PURE)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("domain code must run and be tested without a UI toolkit");

    static final ArchRule DOMAIN_WITHOUT_JDBC = noClasses().that().resideInAnyPackage(PURE)
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..")
            .because("only the store touches the database");

    static final ArchRule JAVAFX_ONLY_IN_UI = noClasses().that().resideOutsideOfPackage("org.attune.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("JavaFX belongs to the ui package");

    static final ArchRule JDBC_ONLY_IN_STORE = noClasses().that().resideOutsideOfPackage("org.attune.store..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..")
            .because("the study file is reached only through org.attune.store");

    static final ArchRule DOMAIN_WITHOUT_CLI_UI_OR_STORE = noClasses().that().resideInAnyPackage(PURE)
            .should().dependOnClassesThat().resideInAnyPackage("org.attune.cli..", "org.attune.ui..", "org.attune.store..", "picocli..");

    /** FFmpeg (native code) is reached only through org.attune.media, behind FrameServer: one place to audit and to keep crash-safe. */
    static final ArchRule FFMPEG_ONLY_IN_MEDIA = noClasses().that().resideOutsideOfPackage("org.attune.media..")
            .should().dependOnClassesThat().resideInAnyPackage("org.bytedeco..")
            .because("native decoding stays behind media.FrameServer (ADR 7)");

    /** The store keeps events, steps and ratings; what they mean for statistics or key presses is decided elsewhere. */
    static final ArchRule STORE_WITHOUT_STATISTICS_OR_KEYS = noClasses().that().resideInAPackage("org.attune.store..")
            .should().dependOnClassesThat().resideInAnyPackage("org.attune.agreement..", "org.attune.analysis..")
            .orShould().dependOnClassesThat().belongToAnyOf(org.attune.coding.KeyCoding.class)
            .because("the store must serve a second implementation (a lab server) without knowing statistics or keys");

    /** Dialogs and file choosers open in one place each, so tests answer them instead of a person. */
    static final ArchRule DIALOGS_THROUGH_SERVICES = noClasses().that().resideInAPackage("org.attune.ui..")
            .and().doNotHaveSimpleName("FxDialogService").and().doNotHaveSimpleName("FxStudyForms").and().doNotHaveSimpleName("KeysDialog")
            .should().dependOnClassesThat().belongToAnyOf(javafx.stage.FileChooser.class, javafx.stage.DirectoryChooser.class,
                    javafx.scene.control.Alert.class, javafx.scene.control.TextInputDialog.class)
            .because("views ask through DialogService (or the study browser's StudyForms), which tests replace");

    /** View models hold the state and rules of a view, with JavaFX's observable values but none of its nodes: they are tested without the toolkit. */
    static final ArchRule VIEW_MODELS_WITHOUT_NODES = noClasses().that().haveSimpleNameEndingWith("ViewModel").or().haveSimpleName("PassEditor")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..")
            .because("a view model must run and be tested without the UI toolkit");

    /** A view: a class of the ui that builds or handles JavaFX nodes. */
    static final com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass> VIEWS =
            com.tngtech.archunit.base.DescribedPredicate.describe("build JavaFX nodes", c -> c.getPackageName().startsWith("org.attune.ui")
                    && c.getDirectDependenciesFromSelf().stream().anyMatch(d -> d.getTargetClass().getPackageName().startsWith("javafx.scene")));

    /**
     * Views reach the study only through their view models and the app's open-study service: a second
     * store (a lab server) then needs no change in any view, and a view cannot block the FX thread on the file.
     */
    static final ArchRule VIEWS_WITHOUT_STORE = noClasses().that(VIEWS)
            .should().dependOnClassesThat().resideInAPackage("org.attune.store..")
            .because("views ask their view models, which ask the store (ADR 6)");

    /** Every package a slice of its own: no two packages depend on each other, directly or round about. */
    static final com.tngtech.archunit.lang.ArchRule NO_PACKAGE_CYCLES = com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
            .matching("org.attune.(**)").should().beFreeOfCycles();

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.attune");
        assertFalse(production.isEmpty());
    }

    @Test
    void domainPackagesDoNotUseJavaFx() {
        DOMAIN_WITHOUT_JAVAFX.check(production);
    }

    @Test
    void domainPackagesDoNotUseJdbc() {
        DOMAIN_WITHOUT_JDBC.check(production);
    }

    @Test
    void onlyTheUiPackageUsesJavaFx() {
        JAVAFX_ONLY_IN_UI.check(production);
    }

    @Test
    void onlyTheStoreUsesJdbc() {
        JDBC_ONLY_IN_STORE.check(production);
    }

    @Test
    void domainPackagesDoNotUseCliUiOrStore() {
        DOMAIN_WITHOUT_CLI_UI_OR_STORE.check(production);
    }

    @Test
    void theRuleCatchesAViolation() {
        JavaClasses fixture = new ClassFileImporter().importClasses(ArchViolationFixture.class);
        assertTrue(DOMAIN_WITHOUT_JAVAFX.evaluate(fixture).hasViolation());
        assertTrue(DOMAIN_WITHOUT_JDBC.evaluate(fixture).hasViolation());
    }

    @Test
    void onlyTheMediaPackageUsesFfmpeg() {
        FFMPEG_ONLY_IN_MEDIA.check(production);
    }

    @Test
    void theFfmpegRuleCatchesAViewCallingIt() {
        assertTrue(FFMPEG_ONLY_IN_MEDIA.evaluate(new ClassFileImporter().importClasses(org.attune.ui.FfmpegCanary.class)).hasViolation());
    }

    @Test
    void noPackageCycles() {
        NO_PACKAGE_CYCLES.check(production);
    }

    @Test
    void theStoreKnowsNeitherStatisticsNorKeyPresses() {
        STORE_WITHOUT_STATISTICS_OR_KEYS.check(production);
    }

    @Test
    void theStoreRuleCatchesAViolation() {
        assertTrue(STORE_WITHOUT_STATISTICS_OR_KEYS.evaluate(new ClassFileImporter().importClasses(org.attune.store.StoreRuleFixture.class)).hasViolation());
    }

    @Test
    void viewsOpenNoDialogsOfTheirOwn() {
        DIALOGS_THROUGH_SERVICES.check(production);
    }

    @Test
    void theDialogRuleCatchesAViolation() {
        assertTrue(DIALOGS_THROUGH_SERVICES.evaluate(new ClassFileImporter().importClasses(org.attune.ui.DialogRuleFixture.class)).hasViolation());
    }

    @Test
    void viewModelsHoldNoNodes() {
        VIEW_MODELS_WITHOUT_NODES.check(production);
    }

    @Test
    void theViewModelRuleCatchesANode() {
        assertTrue(VIEW_MODELS_WITHOUT_NODES.evaluate(new ClassFileImporter().importClasses(org.attune.ui.CanaryViewModel.class)).hasViolation());
    }

    @Test
    void viewsDoNotTouchTheStore() {
        VIEWS_WITHOUT_STORE.check(production);
    }

    @Test
    void theViewRuleCatchesAViewReadingTheStudy() {
        assertTrue(VIEWS_WITHOUT_STORE.evaluate(new ClassFileImporter().importClasses(org.attune.ui.StoreReadingView.class)).hasViolation());
        assertFalse(VIEWS_WITHOUT_STORE.allowEmptyShould(true).evaluate(new ClassFileImporter().importClasses(org.attune.ui.OpenStudy.class)).hasViolation(),
                "a service without nodes may read the study");
    }

    @Test
    void theCycleRuleCatchesACycle() {
        JavaClasses fixture = new ClassFileImporter().importClasses(org.attune.archfixture.a.CycleA.class, org.attune.archfixture.b.CycleB.class);
        assertTrue(NO_PACKAGE_CYCLES.evaluate(fixture).hasViolation());
    }
}
