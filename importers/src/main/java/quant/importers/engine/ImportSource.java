package quant.importers.engine;

import java.io.IOException;
import java.nio.file.Path;
import quant.importers.mapping.MappingProfile;
import quant.importers.read.TableReader;

/**
 * Where an import's rows come from: a file, or one object (customers, invoices, …) of an API connector.
 * Either way the rows go through the same mapping, checks, all-or-nothing transaction, audit and undo
 * ({@link Importer#runSources}); only the audit differs — a file's name, size and hash, or the
 * connector, the object and the watermark its rows reached.
 */
public sealed interface ImportSource permits ImportSource.File, ImportSource.Records {
    /** How the rows map to the data model. */
    MappingProfile profile();

    /** A CSV, TSV or XLSX file. */
    record File(Path file, MappingProfile profile) implements ImportSource {}

    /**
     * One object read from a connector, as records whose fields the profile maps. The records are read
     * straight into the import, in the run's transaction, page by page (ADR 0025): nothing is written
     * to a temporary file.
     */
    non-sealed interface Records extends ImportSource {
        /** The connector's name, e.g. {@code hubspot}. */
        String connector();

        /** The object, e.g. {@code companies}. */
        String object();

        /**
         * Opens the records as a table; the connector fetches its pages as the import asks for rows.
         *
         * @throws quant.core.importing.ImportException when the vendor refuses or answers nonsense (in
         *     one sentence); the run then writes nothing
         */
        TableReader open() throws IOException;

        /**
         * Where the records read reached — the greatest modification time or the change cursor — once
         * they have all been read; the next sync resumes from it. Null when the object gives none.
         */
        String watermark();
    }
}
