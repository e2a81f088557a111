package quant.app.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.app.job.DirectJobRunner;
import quant.core.store.DomainTable;
import quant.core.store.Store;
import quant.importers.mapping.ColumnMapping;
import quant.importers.mapping.MappingProfile;
import quant.importers.parse.DateOrder;
import quant.importers.read.ReaderSettings;

/** The import wizard's steps without a UI toolkit: jobs run at once on the test thread. */
class ImportWizardViewModelTest {
    @TempDir
    Path dir;

    Store store;
    final AtomicInteger imported = new AtomicInteger();
    ImportWizardViewModel model;

    @BeforeEach
    void open() {
        store = Store.open(dir.resolve("db"));
        model = new ImportWizardViewModel(new DirectJobRunner(), () -> store, imported::incrementAndGet);
    }

    @AfterEach
    void close() {
        store.close();
    }

    Path csv(String name, String content) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("Spring Exports"));
        return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    }

    ColumnChoice column(String name) {
        return model.columns().stream()
                .filter(c -> c.fileColumn().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aFileIsPreviewedWithDetectedSettingsAKeyGuessAndASourceFromItsFolder() throws Exception {
        model.open(csv("lines.csv", "Name;Code\nHeating;HVAC\nPlumbing;PLUMB\n"));
        assertThat(model.previewProperty().get().rows()).hasSize(2);
        assertThat(model.settings().delimiter()).isEqualTo(';');
        assertThat(model.keyColumnProperty().get()).isEqualTo("Name");
        assertThat(model.sourceProperty().get()).isEqualTo("spring-exports");
        assertThat(model.rejectsProperty().get().getFileName()).hasToString("lines-rejected.csv");
        assertThat(model.toMapping()).isTrue();
        assertThat(model.stepProperty().get()).isEqualTo(ImportWizardViewModel.Step.MAPPING);
    }

    @Test
    void choosingATableSuggestsTargetsAndChecksThePreviewedValues() throws Exception {
        model.open(csv("campaigns.csv", """
                Ref,Name,Channel,Started,Budget
                C1,Spring,facebook,2024-03-01,100.00
                C2,Summer,radio,2024-06-01,lots
                """));
        model.tableProperty().set(DomainTable.CAMPAIGN);
        assertThat(model.targetColumns()).extracting(c -> c.name()).contains("name", "started_on", "budget");
        assertThat(column("Name").targetProperty().get()).isEqualTo("name");
        assertThat(column("Budget").targetProperty().get()).isEqualTo("budget");
        assertThat(column("Budget").invalidProperty().get()).isEqualTo(1);
        assertThat(column("Budget").firstProblemProperty().get()).startsWith("\"lots\"");
        column("Budget").targetProperty().set(null);
        assertThat(column("Budget").invalidProperty().get()).isZero();
    }

    @Test
    void theCheckStepIsADryRunAndTheImportWritesOnlyWhenAsked() throws Exception {
        model.open(csv("lines.csv", "code,name\nHVAC,Heating\nPLUMB,Plumbing\n,Nameless\n"));
        model.toMapping();
        model.tableProperty().set(DomainTable.SERVICE_LINE);
        model.keyColumnProperty().set("code");
        model.toSummary();
        assertThat(model.stepProperty().get()).isEqualTo(ImportWizardViewModel.Step.SUMMARY);
        assertThat(model.summaryProperty().get().inserted()).isEqualTo(2);
        assertThat(model.summaryProperty().get().rejected()).isEqualTo(1);
        assertThat(store.rowCounts().get(DomainTable.SERVICE_LINE)).isZero();

        model.runImport(); // all or nothing: one row has a problem
        assertThat(model.stepProperty().get()).isEqualTo(ImportWizardViewModel.Step.SUMMARY);
        assertThat(model.messageProperty().get()).isNotBlank();
        assertThat(store.rowCounts().get(DomainTable.SERVICE_LINE)).isZero();
        assertThat(imported.get()).isZero();

        model.skipInvalidProperty().set(true);
        model.runImport();
        assertThat(model.stepProperty().get()).isEqualTo(ImportWizardViewModel.Step.RESULT);
        assertThat(model.resultProperty().get().inserted()).isEqualTo(2);
        assertThat(store.rowCounts().get(DomainTable.SERVICE_LINE)).isEqualTo(2);
        assertThat(model.rejectsProperty().get()).exists();
        assertThat(imported.get()).isEqualTo(1);
    }

    @Test
    void theCheckStepRefusesUntilTheTableTheRequiredColumnsAndTheDateOrderAreKnown() throws Exception {
        model.open(csv(
                "campaigns.csv", "Ref,Title,Channel,Started\nC1,Spring,radio,3/4/2024\nC2,Summer,radio,5/6/2024\n"));
        // the file's name proposes the table; with none chosen, the check step asks for one
        assertThat(model.tableProperty().get()).isEqualTo(DomainTable.CAMPAIGN);
        model.tableProperty().set(null);
        model.toSummary();
        assertThat(model.messageProperty().get()).isEqualTo("Choose the table to import into.");
        model.tableProperty().set(DomainTable.CAMPAIGN);
        column("Title").targetProperty().set(null);
        model.toSummary();
        assertThat(model.messageProperty().get()).startsWith("Map a file column to name");
        column("Title").targetProperty().set("name");
        column("Channel").targetProperty().set("channel");
        column("Started").targetProperty().set("started_on");
        model.toSummary();
        assertThat(model.messageProperty().get()).contains("day/month or month/day");
        model.back();
        model.changeSettings(model.settings().withDateOrder(DateOrder.DMY));
        assertThat(column("Title").targetProperty().get()).isEqualTo("name"); // the mapping is kept
        model.toSummary();
        assertThat(model.stepProperty().get()).isEqualTo(ImportWizardViewModel.Step.SUMMARY);
    }

    @Test
    void aLoadedProfileSetsTheStepsAndIsSavedWithWhatTheTableCannotShow() throws Exception {
        model.open(csv("lines.csv", "Line code,Line name,Kind\nhvac,Heating,x\n"));
        MappingProfile saved = new MappingProfile(
                "lines",
                "service_line",
                "legacy",
                ReaderSettings.DETECT,
                List.of("Code"),
                List.of(
                        new ColumnMapping("Code", "code", Map.of("hvac", "HVAC"), null, null, List.of("Line code")),
                        ColumnMapping.of("Line name", "name")),
                Map.of());
        model.apply(saved);
        assertThat(model.tableProperty().get()).isEqualTo(DomainTable.SERVICE_LINE);
        assertThat(model.sourceProperty().get()).isEqualTo("legacy");
        assertThat(model.keyColumnProperty().get()).isEqualTo("Line code");
        assertThat(column("Line code").targetProperty().get()).isEqualTo("code");
        assertThat(column("Kind").targetProperty().get()).isNull();
        MappingProfile edited = model.profile();
        assertThat(edited.columns().getFirst().values()).containsEntry("hvac", "HVAC");
        model.toSummary();
        model.runImport();
        assertThat(model.resultProperty().get().inserted()).isEqualTo(1);
    }
}
