package quant.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import quant.app.imports.ImportWizard;
import quant.app.job.FxJobRunner;
import quant.app.settings.Settings;
import quant.app.shell.MainWindow;
import quant.app.shell.WorkbenchViewModel;
import quant.core.store.DomainTable;

/**
 * Imports the sample company's own exports through the wizard into an empty database (campaigns,
 * then customers that refer to them), saving a screenshot of every step, then undoes the customer
 * import from the import history.
 */
@ExtendWith(ApplicationExtension.class)
class ImportWizardUiTest {
    static final Path SAMPLE = Path.of("..", "samples", "data", "sample-company");

    private WorkbenchViewModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path db = Files.createTempDirectory("quant-import-ui").resolve("mine.mv.db");
        FxJobRunner jobs = new FxJobRunner();
        model = new WorkbenchViewModel(jobs);
        window = new MainWindow(stage, model, jobs, Settings.DEFAULTS);
        stage.show();
        model.open(db, false);
    }

    private long count(DomainTable t) {
        return model.countsProperty().get().getOrDefault(t, 0L);
    }

    /** Opens the wizard on a file and waits until its preview shows rows. */
    private ImportWizard openWizard(FxRobot robot, Path file) throws Exception {
        ImportWizard wizard =
                WaitForAsyncUtils.asyncFx(() -> window.openImportWizard(file)).get();
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> robot.lookup("#wizard-preview").tryQuery().isPresent()
                        && !robot.lookup("#wizard-preview")
                                .queryAs(TableView.class)
                                .getItems()
                                .isEmpty());
        return wizard;
    }

    private ImportWizard importThrough(FxRobot robot, Path file, DomainTable table, String shotPrefix)
            throws Exception {
        ImportWizard wizard = openWizard(robot, file);
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(wizard.root(), shotPrefix + "-1-file.png");

        robot.clickOn("#wizard-next");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<DomainTable> target = robot.lookup("#wizard-table").queryAs(ComboBox.class);
        robot.interact(() -> target.setValue(table));
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(wizard.root(), shotPrefix + "-2-columns.png");

        robot.clickOn("#wizard-next");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#wizard-summary")
                .tryQuery()
                .isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(wizard.root(), shotPrefix + "-3-check.png");

        robot.clickOn("#wizard-next");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#wizard-result")
                .tryQuery()
                .isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(wizard.root(), shotPrefix + "-4-done.png");
        return wizard;
    }

    @Test
    void importsTheSampleCompanysOwnExportsStepByStepAndUndoesOne(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> model.emptyProperty().get());
        assertThat(robot.lookup("#import-own-data").queryButton().isDisabled()).isFalse();

        ImportWizard campaigns =
                importThrough(robot, SAMPLE.resolve("campaign.csv"), DomainTable.CAMPAIGN, "import-campaigns");
        robot.interact(() -> campaigns.stage().close());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> count(DomainTable.CAMPAIGN) == 20);

        ImportWizard customers = importThrough(robot, SAMPLE.resolve("customer.csv"), DomainTable.CUSTOMER, "import");
        String counts =
                robot.lookup("#wizard-result-counts").queryAs(Label.class).getText();
        assertThat(counts).startsWith("2,957 rows read: 2,957 inserted, 0 updated, 0 unchanged, 0 rejected");
        robot.interact(() -> customers.stage().close());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> count(DomainTable.CUSTOMER) == 2_957);

        javafx.scene.control.MenuBar bar = robot.lookup("#menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        javafx.scene.control.MenuItem history = bar.getMenus().stream()
                .flatMap(m -> m.getItems().stream())
                .filter(i -> ("menu-view-" + quant.app.imports.ImportHistoryView.ID).equals(i.getId()))
                .findFirst()
                .orElseThrow();
        robot.interact(history::fire);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#import-history")
                                .queryAs(TableView.class)
                                .getItems()
                                .size()
                        == 2);
        TableView<?> runs = robot.lookup("#import-history").queryAs(TableView.class);
        robot.interact(() -> runs.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(robot.lookup("#import-history").query().getScene().getRoot(), "import-5-history.png");
        robot.clickOn("#history-undo");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> count(DomainTable.CUSTOMER) == 0);
        assertThat(count(DomainTable.CAMPAIGN)).isEqualTo(20);
    }

    @Test
    void aSheetOfTheOwnersWorkbookIsChosenAndImported(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> model.emptyProperty().get());
        ImportWizard wizard = openWizard(robot, SAMPLE.resolve("owner-workbook.xlsx"));
        @SuppressWarnings("unchecked")
        ComboBox<String> sheet = robot.lookup("#wizard-sheet").queryAs(ComboBox.class);
        assertThat(sheet.getItems()).containsExactly("Technicians", "Marketing spend", "Expenses", "KPI targets");
        robot.interact(() -> {
            sheet.setValue("KPI targets");
            sheet.getOnAction().handle(new javafx.event.ActionEvent());
        });
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> robot.lookup("#wizard-preview").queryAs(TableView.class).getColumns().stream()
                        .anyMatch(c -> "kpi".equals(((javafx.scene.control.TableColumn<?, ?>) c).getText())));
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(wizard.root(), "import-xlsx-1-file.png");

        robot.clickOn("#wizard-next");
        @SuppressWarnings("unchecked")
        ComboBox<DomainTable> target = robot.lookup("#wizard-table").queryAs(ComboBox.class);
        robot.interact(() -> target.setValue(DomainTable.KPI_TARGET));
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(wizard.root(), "import-xlsx-2-columns.png");
        robot.clickOn("#wizard-next");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#wizard-summary")
                .tryQuery()
                .isPresent());
        assertThat(robot.lookup("#wizard-summary").queryAs(Label.class).getText())
                .contains("32 new");
        robot.clickOn("#wizard-next");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#wizard-result")
                .tryQuery()
                .isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(wizard.root(), "import-xlsx-4-done.png");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> count(DomainTable.KPI_TARGET) == 32);
        robot.interact(() -> wizard.stage().close());
    }

    @Test
    void escapeOrCancelClosesTheWizardWithNothingImported(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> model.emptyProperty().get());
        Path export = Path.of("..", "importers", "src", "test", "resources", "presets", "hubspot-deals.csv");
        ImportWizard wizard = openWizard(robot, export);
        robot.clickOn("#wizard-next");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#wizard-cancel").queryButton().isVisible()).isTrue();
        robot.interact(() -> wizard.stage().requestFocus());
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(wizard.stage().isShowing()).isFalse();
        assertThat(count(DomainTable.DEAL)).isZero();

        ImportWizard again = openWizard(robot, export);
        robot.clickOn("#wizard-cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(again.stage().isShowing()).isFalse();
        assertThat(count(DomainTable.DEAL)).isZero();
    }

    /** A CRM's accounts file: the wizard proposes the customers table and keeps the sector out of the segment. */
    @Test
    void aCrmAccountsFileIsProposedForTheCustomersWithoutItsSectorAsSegment(FxRobot robot) throws Exception {
        Path accounts = Path.of("..", "..", "shared", "benchdata", "crm_sales_pipeline", "accounts.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Files.exists(accounts), "../shared/benchdata is absent: the CRM accounts check is skipped");
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> model.emptyProperty().get());
        ImportWizard wizard = openWizard(robot, accounts);
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> wizard.model().tableProperty().get() == DomainTable.CUSTOMER);
        robot.clickOn("#wizard-next");
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> !wizard.model().columns().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(wizard.model().columns())
                .filteredOn(c -> c.fileColumn().equals("sector"))
                .singleElement()
                .satisfies(c -> assertThat(c.targetProperty().get()).isNotEqualTo("segment"));
        robot.interact(() -> wizard.stage().close());
    }

    @Test
    void aPresetMapsAVendorExport(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> model.emptyProperty().get());
        Path export = Path.of("..", "importers", "src", "test", "resources", "presets", "hubspot-deals.csv");
        ImportWizard wizard = openWizard(robot, export);
        robot.clickOn("#wizard-next");
        javafx.scene.control.MenuButton presets =
                robot.lookup("#wizard-presets").queryAs(javafx.scene.control.MenuButton.class);
        javafx.scene.control.MenuItem hubspot = presets.getItems().stream()
                .filter(i -> "wizard-preset-hubspot-deals".equals(i.getId()))
                .findFirst()
                .orElseThrow();
        robot.interact(hubspot::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(wizard.model().sourceProperty().get()).isEqualTo("hubspot");
        assertThat(wizard.model().keyColumnProperty().get()).isEqualTo("Record ID");
        snapshot(wizard.root(), "import-preset-2-columns.png");
        robot.clickOn("#wizard-next");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#wizard-summary")
                .tryQuery()
                .isPresent());
        assertThat(robot.lookup("#wizard-summary").queryAs(Label.class).getText())
                .contains("4 new")
                .contains("0 with problems");
        robot.clickOn("#wizard-next");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#wizard-result")
                .tryQuery()
                .isPresent());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> count(DomainTable.DEAL) == 4);
        robot.interact(() -> wizard.stage().close());
    }

    @Test
    void rowsWithProblemsCanBeSkippedAndTheirFileOpenedFromTheResult(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> model.emptyProperty().get());
        Path dir = Files.createTempDirectory("quant-rejects");
        Path file = dir.resolve("campaigns.csv");
        Files.writeString(
                file,
                "external_ref,name,channel,started_on,ended_on,budget\n"
                        + "K1,Spring promo,facebook,2024-03-01,2024-05-31,5000\n"
                        + "K2,Broken dates,google_ads,2024-02-30,2024-03-31,1000\n"
                        + "K3,Fall promo,direct_mail,2024-10-01,2024-11-30,\"$2,500.00\"\n");
        ImportWizard wizard = openWizard(robot, file);
        robot.clickOn("#wizard-next");
        @SuppressWarnings("unchecked")
        ComboBox<DomainTable> target = robot.lookup("#wizard-table").queryAs(ComboBox.class);
        robot.interact(() -> target.setValue(DomainTable.CAMPAIGN));
        robot.clickOn("#wizard-next");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#wizard-summary")
                .tryQuery()
                .isPresent());
        assertThat(robot.lookup("#wizard-summary").queryAs(Label.class).getText())
                .contains("2 new")
                .contains("1 with problems");
        robot.clickOn("#wizard-skip");
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(wizard.root(), "import-rejects-3-check.png");
        robot.clickOn("#wizard-next");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#wizard-rejects")
                .tryQuery()
                .isPresent());
        snapshot(wizard.root(), "import-rejects-4-done.png");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> count(DomainTable.CAMPAIGN) == 2);
        List<String> rejected = Files.readAllLines(dir.resolve("campaigns-rejected.csv"));
        assertThat(rejected).hasSize(2);
        assertThat(rejected.get(1)).startsWith("K2,Broken dates").contains("is not a date");
        robot.interact(() -> wizard.stage().close());
    }

    @Test
    void theCrmPipelineDataImportsThroughTheWizardWithItsSavedMappings(FxRobot robot) throws Exception {
        Path crm = Path.of("..", "..", "shared", "benchdata", "crm_sales_pipeline");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Files.isDirectory(crm),
                "../shared/benchdata/crm_sales_pipeline is absent: the CRM wizard import is skipped");
        Path profiles = Path.of("..", "samples", "mappings", "crm-sales-opportunities");
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> model.emptyProperty().get());
        for (String stem : List.of("accounts", "products", "sales_teams", "sales_pipeline")) {
            ImportWizard wizard = openWizard(robot, crm.resolve(stem + ".csv"));
            robot.clickOn("#wizard-next");
            quant.importers.mapping.MappingProfile saved =
                    quant.importers.mapping.MappingProfile.read(profiles.resolve(stem + ".json"));
            robot.interact(() -> wizard.model().apply(saved));
            WaitForAsyncUtils.waitForFxEvents();
            robot.clickOn("#wizard-next");
            try {
                WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#wizard-summary")
                        .tryQuery()
                        .isPresent());
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError(
                        stem + ": the wizard says \""
                                + robot.lookup("#wizard-message")
                                        .queryAs(Label.class)
                                        .getText() + "\"",
                        e);
            }
            assertThat(robot.lookup("#wizard-summary").queryAs(Label.class).getText())
                    .as(stem)
                    .endsWith(" 0 with problems");
            robot.clickOn("#wizard-next");
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#wizard-result")
                    .tryQuery()
                    .isPresent());
            robot.interact(() -> wizard.stage().close());
        }
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> count(DomainTable.DEAL) == 8_800);
        assertThat(count(DomainTable.CUSTOMER)).isEqualTo(85);
        assertThat(count(DomainTable.PRODUCT)).isEqualTo(7);
        assertThat(count(DomainTable.SALES_REP)).isEqualTo(35);
    }

    private static void snapshot(Node root, String name) throws Exception {
        Files.createDirectories(WorkbenchUiTest.SCREENSHOTS);
        var image = WaitForAsyncUtils.asyncFx(() -> root.snapshot(null, null)).get();
        ImageIO.write(
                SwingFXUtils.fromFXImage(image, null),
                "png",
                WorkbenchUiTest.SCREENSHOTS.resolve(name).toFile());
    }
}
