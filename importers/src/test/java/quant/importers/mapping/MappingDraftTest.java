package quant.importers.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import quant.core.store.ColumnType;
import quant.core.store.DomainTable;
import quant.core.store.TableColumn;
import quant.importers.read.ReaderSettings;

/** The mapping the wizard edits: key guessing, and what a loaded profile keeps that the column table cannot show. */
class MappingDraftTest {
    static final ColumnMapping STATUS_ALIASES =
            new ColumnMapping("State", "status", Map.of("Done", "completed"), null, null, List.of("Job state"));

    static final MappingProfile SAVED = new MappingProfile(
            "jobs from the old system",
            "job",
            "old-system",
            new ReaderSettings(
                    "UTF-8",
                    ';',
                    1,
                    null,
                    quant.importers.parse.DateOrder.DMY,
                    quant.importers.parse.NumberParser.DecimalMark.COMMA),
            List.of("Job no"),
            List.of(
                    new ColumnMapping("Job no", "job_number", Map.of(), null, null, List.of("Job number")),
                    STATUS_ALIASES,
                    ColumnMapping.of("Customer", "customer_id"),
                    new ColumnMapping(null, "priority", Map.of(), "normal", null),
                    ColumnMapping.of("State", "notes")),
            Map.of("customer_id", "crm"));

    @Test
    void theKeyGuessPrefersIdsReferencesAndNumbersOverTheFirstColumn() {
        assertThat(MappingDraft.guessKey(List.of("Name", "Customer ID", "City")))
                .isEqualTo("Customer ID");
        assertThat(MappingDraft.guessKey(List.of("Date", "Invoice number"))).isEqualTo("Invoice number");
        assertThat(MappingDraft.guessKey(List.of("Name", "City"))).isEqualTo("Name");
        assertThat(MappingDraft.guessKey(List.of())).isNull();
    }

    @Test
    void aSavedProfileMatchesFileColumnsByAnyOfItsNamesIgnoringCase() {
        MappingDraft d = MappingDraft.from(
                SAVED, List.of("JOB NUMBER", "Job state", "customer", "Extra"), ReaderSettings.DETECT);
        assertThat(d.table()).isEqualTo(DomainTable.JOB);
        assertThat(d.source()).isEqualTo("old-system");
        assertThat(d.key()).isEqualTo("JOB NUMBER");
        assertThat(d.settings()).isEqualTo(SAVED.reader());
        assertThat(d.targets())
                .containsExactly(
                        Map.entry("JOB NUMBER", "job_number"),
                        Map.entry("Job state", "status"),
                        Map.entry("customer", "customer_id"));
    }

    @Test
    void savingKeepsWhatTheColumnTableCannotShow() {
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("Job no", "job_number");
        targets.put("State", "status");
        targets.put("Customer", "customer_id");
        MappingProfile p = new MappingDraft(
                        DomainTable.JOB, "old-system", ReaderSettings.DETECT, "Job no", targets, SAVED)
                .toProfile("edited");
        assertThat(p.columns())
                .extracting(ColumnMapping::to)
                .containsExactly("job_number", "status", "customer_id", "priority", "notes");
        // the aliases of an unchanged target, the constant, the second target of "State"
        assertThat(p.columns().get(1)).isEqualTo(STATUS_ALIASES);
        assertThat(p.columns().get(3).constant()).isEqualTo("normal");
        assertThat(p.referenceSources()).isEqualTo(Map.of("customer_id", "crm"));
        assertThat(p.key()).containsExactly("Job no");
    }

    @Test
    void aRetargetedColumnLosesTheAliasesItHadForItsOldTarget() {
        MappingProfile p = new MappingDraft(
                        DomainTable.JOB, "s", ReaderSettings.DETECT, null, Map.of("State", "outcome"), SAVED)
                .toProfile("edited");
        assertThat(p.columns().getFirst()).isEqualTo(ColumnMapping.of("State", "outcome"));
        assertThat(p.key()).isEmpty();
    }

    @Test
    void requiredColumnsFilledByNothingAreListedConstantsCount() {
        List<TableColumn> columns = List.of(
                new TableColumn("job_number", ColumnType.TEXT, 40, 0, true, null, List.of()),
                new TableColumn("priority", ColumnType.TEXT, 20, 0, true, null, List.of()),
                new TableColumn("requested_at", ColumnType.TIMESTAMP, 0, 0, true, null, List.of()),
                new TableColumn("notes", ColumnType.TEXT, 0, 0, false, null, List.of()));
        MappingDraft withProfile = new MappingDraft(
                DomainTable.JOB, "s", ReaderSettings.DETECT, null, Map.of("Job no", "job_number"), SAVED);
        assertThat(withProfile.unfilledRequired(columns)).containsExactly("requested_at");
        MappingDraft bare = new MappingDraft(DomainTable.JOB, "s", ReaderSettings.DETECT, null, Map.of(), null);
        assertThat(bare.unfilledRequired(columns)).containsExactly("job_number", "priority", "requested_at");
    }
}
