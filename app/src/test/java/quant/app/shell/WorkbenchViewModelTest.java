package quant.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.app.job.DirectJobRunner;
import quant.core.store.DomainTable;
import quant.core.store.Store;
import quant.core.store.StoreException;

/** The workbench's view model, without a UI toolkit: jobs run at once on the test thread. */
class WorkbenchViewModelTest {
    @TempDir
    Path dir;

    final WorkbenchViewModel model = new WorkbenchViewModel(new DirectJobRunner());

    @AfterEach
    void close() {
        model.close();
    }

    @Test
    void anEmptyDatabaseIsReportedEmpty() {
        model.open(dir.resolve("empty"), false);
        assertThat(model.storeProperty().get()).isNotNull();
        assertThat(model.emptyProperty().get()).isTrue();
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void openingWithTheSampleOptionLoadsTheSampleIntoAnEmptyDatabase() {
        model.open(dir.resolve("sample"), true);
        assertThat(model.emptyProperty().get()).isFalse();
        assertThat(model.countsProperty().get().get(DomainTable.JOB)).isEqualTo(16_560L);
        assertThat(model.noticeProperty().get()).isEqualTo("The sample company is loaded.");
    }

    @Test
    void aFileThatIsNotADatabaseBecomesAProblemWithOnePlainSentence() throws Exception {
        Path notes = dir.resolve("notes.mv.db");
        Files.writeString(notes, "hello");
        model.open(notes, false);
        assertThat(model.storeProperty().get()).isNull();
        assertThat(model.problemProperty().get().error().kind()).isEqualTo(StoreException.Kind.DAMAGED);
        assertThat(model.noticeProperty().get()).endsWith("it was left as it is.");
        model.problemHandled();
        assertThat(model.problemProperty().get()).isNull();
    }

    @Test
    void aTypedPathWhereThereIsNoDatabaseIsAskedAboutNotCreated() {
        Path typo = dir.resolve("typo");
        model.openExisting(typo);
        assertThat(model.storeProperty().get()).isNull();
        assertThat(model.problemProperty().get().error().kind()).isEqualTo(StoreException.Kind.MISSING);
        assertThat(Store.normalise(typo)).doesNotExist();
    }

    @Test
    void aBackupTakenInTheWindowRestoresAndTheDatabaseOpensAgain() throws Exception {
        model.open(dir.resolve("shop"), false);
        Path zip = dir.resolve("shop-backup.zip");
        model.backup(zip);
        assertThat(model.noticeProperty().get()).isEqualTo("Backed up to " + zip.toRealPath() + ".");
        model.loadSample();
        assertThat(model.emptyProperty().get()).isFalse();

        model.restore(zip);
        assertThat(model.storeProperty().get()).as(model.noticeProperty().get()).isNotNull();
        assertThat(model.emptyProperty().get())
                .as("the empty database of the backup is back")
                .isTrue();
        assertThat(model.noticeProperty().get()).startsWith("Restored shop-backup.zip;");

        // a refused backup leaves the database as it was, open
        Path notZip = Files.writeString(dir.resolve("notes.zip"), "text");
        model.restore(notZip);
        assertThat(model.storeProperty().get()).isNotNull();
        assertThat(model.noticeProperty().get()).contains("is not a backup");
    }

    @Test
    void anEncryptedDatabaseAsksForItsPassphraseAndOpensWithIt() {
        Path db = dir.resolve("secret.mv.db");
        quant.core.store.Passphrases.give(db, "open sesame".toCharArray());
        model.open(db, false);
        model.close();
        quant.core.store.Passphrases.forget(db);

        model.openExisting(db);
        assertThat(model.storeProperty().get()).isNull();
        assertThat(model.problemProperty().get().error().kind()).isEqualTo(StoreException.Kind.ENCRYPTED);
        model.problemHandled();

        quant.core.store.Passphrases.give(db, "open sesame".toCharArray());
        model.openExisting(db);
        assertThat(model.storeProperty().get()).isNotNull();
        quant.core.store.Passphrases.forget(db);
    }

    @Test
    void switchingDatabasesClosesThePreviousOne() {
        model.open(dir.resolve("first"), false);
        var first = model.storeProperty().get();
        model.open(dir.resolve("second"), false);
        assertThat(model.storeProperty().get()).isNotSameAs(first);
        // The first file is free again: it can be opened once more.
        model.open(dir.resolve("first"), false);
        assertThat(model.storeProperty().get().file()).isEqualTo(dir.resolve("first.mv.db"));
    }
}
