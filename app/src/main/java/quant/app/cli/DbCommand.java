package quant.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import quant.core.analysis.Json;
import quant.core.store.Backups;
import quant.core.store.IntegrityCheck;
import quant.core.store.Store;

/** {@code quant db check|backup|restore|encrypt|decrypt|copy|roles|password}: looking after the database itself. */
@Command(
        name = "db",
        mixinStandardHelpOptions = true,
        description = "Check the database, back it up, restore a backup, encrypt it; copy it to or from a team"
                + " server, and manage the server's roles and password.",
        subcommands = {
            DbCommand.Check.class,
            DbCommand.Backup.class,
            DbCommand.Restore.class,
            DbCommand.Encrypt.class,
            DbCommand.Decrypt.class,
            DbServerCommands.Copy.class,
            DbServerCommands.Roles.class,
            DbServerCommands.Password.class
        })
final class DbCommand implements Callable<Integer> {
    @ParentCommand
    QuantCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new picocli.CommandLine.ParameterException(
                spec.commandLine(),
                "Give what to do: check, backup, restore, encrypt, decrypt, copy, roles or password");
    }

    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description = "Read every table through its primary key and every index, compare the counts, and say"
                    + " whether the database is sound (exit 0) or damaged (exit 3).")
    static final class Check implements Callable<Integer> {
        @ParentCommand
        DbCommand db;

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print {sound, verdict, tables: [{name, rows, indexes}], problems}.")
        boolean json;

        @Override
        public Integer call() {
            IntegrityCheck check;
            String name;
            try (Store store = Store.openExisting(db.parent.database())) {
                name = store.location().name();
                check = IntegrityCheck.run(store, CliProgress.monitor());
            }
            PrintWriter out = spec.commandLine().getOut();
            String verdict = check.verdict(name);
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("sound", check.sound());
                doc.put("verdict", verdict);
                doc.put("tables", check.tables());
                doc.put("problems", check.problems());
                out.println(Json.write(doc));
            } else if (check.sound()) {
                out.println(verdict);
            }
            out.flush();
            if (!check.sound()) {
                spec.commandLine().getErr().println("quant: " + verdict);
                spec.commandLine().getErr().flush();
                return QuantCommand.STORE_ERROR;
            }
            return QuantCommand.OK;
        }
    }

    @Command(
            name = "backup",
            mixinStandardHelpOptions = true,
            description = "Back the database up to a zip file while it stays usable.")
    static final class Backup implements Callable<Integer> {
        @ParentCommand
        DbCommand db;

        @Spec
        CommandSpec spec;

        @Option(
                names = "--to",
                paramLabel = "FILE",
                description = "The backup file (default: backups/NAME-TIME.zip in the data folder, where the newest"
                        + " --keep are kept).")
        Path to;

        @Option(
                names = "--keep",
                paramLabel = "N",
                description = "Backups of this database kept in the data folder's backups, 1 to 1,000"
                        + " (default: the business setting backups.keep, 5 unless set).")
        Integer keep;

        @Override
        public Integer call() {
            Path written;
            try (Store store = Store.openExisting(db.parent.database())) {
                if (to == null) {
                    Backups.ensureFolder();
                }
                store.requireFile(
                        "backed up to a zip",
                        "back it up with the server's own tools (pg_dump), or copy"
                                + " it to a file with quant db copy --to FILE");
                int kept = keep != null
                        ? keep
                        : quant.core.settings.BusinessSettings.read(store).backupsKeep();
                written = Backups.backup(store, to != null ? to : Backups.defaultTarget(store.file(), null), kept);
            }
            spec.commandLine().getOut().println("Backed up to " + written + ".");
            spec.commandLine().getOut().flush();
            return QuantCommand.OK;
        }
    }

    @Command(
            name = "encrypt",
            mixinStandardHelpOptions = true,
            description = "Write an encrypted copy of the database (AES), with the passphrase on the first line of"
                    + " --new-passphrase-file; the original is not changed.")
    static final class Encrypt implements Callable<Integer> {
        @ParentCommand
        DbCommand db;

        @Spec
        CommandSpec spec;

        @Option(names = "--to", required = true, paramLabel = "FILE", description = "The new, encrypted file.")
        Path to;

        @Option(
                names = "--new-passphrase-file",
                required = true,
                paramLabel = "FILE",
                description = "The copy's passphrase, on the first line of FILE.")
        Path passphrase;

        @Override
        public Integer call() throws Exception {
            char[] chars = QuantCommand.passphraseIn(passphrase, "--new-passphrase-file");
            quant.core.store.Encryption.copy(db.parent.databaseFile("copied encrypted"), to, chars);
            spec.commandLine()
                    .getOut()
                    .println(
                            "Wrote an encrypted copy to " + Store.normalise(to) + "; the original"
                                    + " is unchanged. Open the copy with its passphrase (--passphrase-file or QUANT_PASSPHRASE).");
            spec.commandLine().getOut().flush();
            return QuantCommand.OK;
        }
    }

    @Command(
            name = "decrypt",
            mixinStandardHelpOptions = true,
            description = "Write a copy of an encrypted database without encryption; the original is not changed.")
    static final class Decrypt implements Callable<Integer> {
        @ParentCommand
        DbCommand db;

        @Spec
        CommandSpec spec;

        @Option(names = "--to", required = true, paramLabel = "FILE", description = "The new, unencrypted file.")
        Path to;

        @Override
        public Integer call() {
            quant.core.store.Encryption.copy(db.parent.databaseFile("copied decrypted"), to, null);
            spec.commandLine()
                    .getOut()
                    .println("Wrote an unencrypted copy to " + Store.normalise(to) + "; the original is unchanged.");
            spec.commandLine().getOut().flush();
            return QuantCommand.OK;
        }
    }

    @Command(
            name = "restore",
            mixinStandardHelpOptions = true,
            description = "Put a backup in the database's place, after checking it; the current file is backed up"
                    + " first. Refuses a backup from a newer version, a damaged one, and a database in use.")
    static final class Restore implements Callable<Integer> {
        @ParentCommand
        DbCommand db;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "The backup (a zip made by quant db backup).")
        Path file;

        @Override
        public Integer call() {
            Path target = db.parent.databaseFile("restored from a zip");
            IntegrityCheck check = Backups.restore(file, target, CliProgress.monitor());
            spec.commandLine()
                    .getOut()
                    .println("Restored " + file.getFileName() + " into " + target + ": "
                            + check.verdict("it").replaceFirst("^it is ", "").replaceAll("\\.$", "") + ".");
            spec.commandLine().getOut().flush();
            return QuantCommand.OK;
        }
    }
}
