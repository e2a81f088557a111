package quant.app.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The bad inputs {@link CliErrorCorpusTest} walks through the command line: the broken-file corpus,
 * broken mapping profiles, broken XLSX files, unsafe output paths, broken option combinations and
 * unusable databases, each with the exit code and the words its one sentence must hold. Files the
 * cases need are written to a folder as the cases are built.
 */
final class CliErrorCases {
    private static final Path CORPUS = Path.of("..", "importers", "src", "test", "resources", "broken");

    /** One bad input: the arguments after {@code --db DB}, the exit code, and words the sentence must hold. */
    record Case(String name, int exit, String expect, List<String> args, boolean withDb) {
        static Case of(String name, int exit, String expect, String... args) {
            return new Case(name, exit, expect, List.of(args), true);
        }

        static Case noDb(String name, int exit, String expect, String... args) {
            return new Case(name, exit, expect, List.of(args), false);
        }
    }

    private final Path dir;
    private final Path profile;
    private final Path lines;

    /**
     * @param dir where the cases' files go
     * @param profile a valid customer mapping profile
     * @param lines a valid customer file for it
     */
    CliErrorCases(Path dir, Path profile, Path lines) {
        this.dir = dir;
        this.profile = profile;
        this.lines = lines;
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private Path profileWith(String name, String json) throws IOException {
        return write(name, json);
    }

    /** Every case, each a distinct bad input. */
    List<Case> all() throws Exception {
        List<Case> cases = new ArrayList<>();
        String p = profile.toString();
        String in = lines.toString();
        // mapping profiles
        Map<String, String[]> profiles = new java.util.LinkedHashMap<>();
        profiles.put("a profile that is null", new String[] {"null", "JSON object"});
        profiles.put("an empty profile", new String[] {"", "empty"});
        profiles.put("a profile that is an array", new String[] {"[]", "JSON object"});
        profiles.put("a profile that is a number", new String[] {"42", "JSON object"});
        profiles.put("a profile that is text", new String[] {"\"customer\"", "JSON object"});
        profiles.put("a profile that is not JSON", new String[] {"{table: ", "not valid JSON"});
        profiles.put("a value alias of null", new String[] {
            "{\"table\":\"customer\",\"source\":\"cli\",\"key\":[\"id\"],\"columns\":[{\"from\":\"name\",\"to\":\"name\","
                    + "\"values\":{\"x\":null}}]}",
            "maps to nothing"
        });
        profiles.put("a typo in a reader key", new String[] {
            "{\"table\":\"customer\",\"source\":\"cli\",\"reader\":{\"dateOrdr\":\"DMY\"},\"columns\":[]}",
            "did you mean \"reader.dateOrder\""
        });
        profiles.put(
                "a typo in a top-level key",
                new String[] {"{\"tabel\":\"customer\",\"source\":\"cli\",\"columns\":[]}", "did you mean \"table\""});
        profiles.put("a typo in a column key", new String[] {
            "{\"table\":\"customer\",\"source\":\"cli\",\"columns\":[{\"form\":\"name\",\"to\":\"name\"}]}",
            "did you mean \"columns[1].from\""
        });
        profiles.put("a delimiter equal to the quote", new String[] {
            "{\"table\":\"customer\",\"source\":\"cli\",\"reader\":{\"delimiter\":\"\\\"\"},\"columns\":[]}",
            "quote character"
        });
        profiles.put("a delimiter of two characters", new String[] {
            "{\"table\":\"customer\",\"source\":\"cli\",\"reader\":{\"delimiter\":\";;\"},\"columns\":[]}",
            "one character"
        });
        profiles.put("a header row of 0", new String[] {
            "{\"table\":\"customer\",\"source\":\"cli\",\"reader\":{\"headerRow\":0},\"columns\":[]}", "counted from 1"
        });
        profiles.put("a header row of -3", new String[] {
            "{\"table\":\"customer\",\"source\":\"cli\",\"reader\":{\"headerRow\":-3},\"columns\":[]}", "counted from 1"
        });
        profiles.put("an unknown encoding", new String[] {
            "{\"table\":\"customer\",\"source\":\"cli\",\"reader\":{\"encoding\":\"klingon\"},\"columns\":[]}",
            "encoding"
        });
        profiles.put("an unknown date order", new String[] {
            "{\"table\":\"customer\",\"source\":\"cli\",\"reader\":{\"dateOrder\":\"XYZ\"},\"columns\":[]}",
            "reader.dateOrder"
        });
        profiles.put("an unknown decimal mark", new String[] {
            "{\"table\":\"customer\",\"source\":\"cli\",\"reader\":{\"decimalMark\":\"SPACE\"},\"columns\":[]}",
            "reader.decimalMark"
        });
        profiles.put("an unknown table", new String[] {
            "{\"table\":\"customers\",\"source\":\"cli\",\"key\":[\"id\"],\"columns\":[{\"from\":\"name\",\"to\":\"name\"}]}",
            "no importable table"
        });
        profiles.put("no source", new String[] {
            "{\"table\":\"customer\",\"key\":[\"id\"],\"columns\":[{\"from\":\"name\",\"to\":\"name\"}]}", "no source"
        });
        profiles.put("columns that are not a list", new String[] {
            "{\"table\":\"customer\",\"source\":\"cli\",\"columns\":{\"from\":\"name\"}}", "must be a list"
        });
        profiles.put("a column that is not an object", new String[] {
            "{\"table\":\"customer\",\"source\":\"cli\",\"columns\":[\"name\"]}", "must be an object"
        });
        profiles.put(
                "a key that is not a list",
                new String[] {"{\"table\":\"customer\",\"source\":\"cli\",\"key\":\"id\",\"columns\":[]}", "\"key\""});
        profiles.put("an unknown repeatedKeys value", new String[] {
            "{\"table\":\"customer\",\"source\":\"cli\",\"repeatedKeys\":\"MERGE\",\"columns\":[]}", "repeatedKeys"
        });
        profiles.put("a target column the table lacks", new String[] {
            "{\"table\":\"customer\",\"source\":\"cli\",\"key\":[\"id\"],\"columns\":[{\"from\":\"name\",\"to\":\"nom\"}]}",
            "has no column \"nom\""
        });
        profiles.put("a target column mapped twice", new String[] {
            "{\"table\":\"customer\",\"source\":\"cli\",\"key\":[\"id\"],\"columns\":[{\"from\":\"name\",\"to\":\"name\"},"
                    + "{\"from\":\"since\",\"to\":\"name\"}]}",
            "mapped twice"
        });
        profiles.put("a file column the file lacks", new String[] {
            "{\"table\":\"customer\",\"source\":\"cli\",\"key\":[\"id\"],\"columns\":[{\"from\":\"nombre\",\"to\":\"name\"}]}",
            "has no column \"nombre\""
        });
        profiles.put("a required column left out", new String[] {
            "{\"table\":\"customer\",\"source\":\"cli\",\"key\":[\"id\"],\"columns\":[{\"from\":\"since\",\"to\":\"acquired_on\"}]}",
            "does not fill name"
        });
        profiles.put("no key", new String[] {
            "{\"table\":\"customer\",\"source\":\"cli\",\"columns\":[{\"from\":\"name\",\"to\":\"name\"}]}", "no key"
        });
        int n = 0;
        for (var e : profiles.entrySet()) {
            Path file = profileWith("profile-" + (n++) + ".json", e.getValue()[0]);
            cases.add(Case.of(e.getKey(), 2, e.getValue()[1], "import", in, "--mapping", file.toString()));
        }
        cases.add(Case.of(
                "a profile that does not exist",
                2,
                "does not exist",
                "import",
                in,
                "--mapping",
                dir.resolve("nope.json").toString()));
        cases.add(Case.of("a profile that is a folder", 2, "is a folder", "import", in, "--mapping", dir.toString()));

        // options
        cases.add(Case.of(
                "an unknown --on-error", 2, "abort or skip", "import", in, "--mapping", p, "--on-error", "maybe"));
        cases.add(Case.of(
                "--rejects without skip",
                2,
                "--on-error skip",
                "import",
                in,
                "--mapping",
                p,
                "--rejects",
                dir.resolve("r.csv").toString()));
        cases.add(Case.of("an unknown option", 2, "Unknown option", "import", in, "--mapping", p, "--fast"));
        cases.add(Case.of("no file", 2, "FILE", "import", "--mapping", p));
        cases.add(Case.of(
                "both a mapping and a preset",
                2,
                "mutually exclusive",
                "import",
                in,
                "--mapping",
                p,
                "--preset",
                "qbo-customers"));
        cases.add(Case.of("neither a mapping nor a preset", 2, "--mapping", "import", in));
        cases.add(Case.of("an unknown preset", 2, "preset", "import", in, "--preset", "sage-50"));
        cases.add(Case.of(
                "an input that does not exist",
                2,
                "does not exist",
                "import",
                dir.resolve("nope.csv").toString(),
                "--mapping",
                p));
        cases.add(Case.of("an input that is a folder", 2, "is a folder", "import", dir.toString(), "--mapping", p));
        cases.add(Case.of(
                "a filter value the data do not hold",
                2,
                "There is no channel \"Google Adz\" in the data",
                "cohort",
                "--channel",
                "Google Adz"));
        cases.add(Case.of("an unknown command", 2, "'quant' has no command 'frobnicate'", "frobnicate"));
        cases.add(Case.of("a mistyped command", 2, "did you mean 'forecast'?", "forcast", "demand"));
        cases.add(Case.of("undo of an unknown run", 2, "There is no import run", "undo", "9999"));
        cases.add(Case.of("undo of a run that is not a number", 2, "RUN", "undo", "last"));
        cases.add(Case.of("undo of a run twice", 1, "undone already", "undo", "1", "&&", "undo", "1"));
        cases.add(Case.of("sample --load into a database with data", 2, "already holds data", "sample", "--load"));
        cases.add(Case.noDb(
                "sample with scale 0",
                2,
                "1 to 100",
                "sample",
                "--out",
                dir.resolve("s0").toString(),
                "--scale",
                "0"));
        cases.add(Case.noDb("sample with neither --out nor --load", 2, "--out", "sample"));
        cases.add(Case.noDb(
                "info on a database that does not exist",
                2,
                "There is no database",
                "--db",
                dir.resolve("typo").toString(),
                "info"));
        cases.add(Case.noDb(
                "imports on a database that does not exist",
                2,
                "There is no database",
                "--db",
                dir.resolve("typo2").toString(),
                "imports"));

        // outputs that must not be written
        cases.add(Case.of(
                "--rejects onto the database",
                2,
                "the database",
                "import",
                in,
                "--mapping",
                p,
                "--on-error",
                "skip",
                "--rejects",
                "@DB"));
        cases.add(Case.of(
                "--rejects onto the database through ..",
                2,
                "the database",
                "import",
                in,
                "--mapping",
                p,
                "--on-error",
                "skip",
                "--rejects",
                "@DBDOTDOT"));
        cases.add(Case.of(
                "--rejects onto the database's lock file",
                2,
                "the database",
                "import",
                in,
                "--mapping",
                p,
                "--on-error",
                "skip",
                "--rejects",
                "@DBLOCK"));
        cases.add(Case.of(
                "--rejects onto the database in capitals",
                2,
                "the database",
                "import",
                in,
                "--mapping",
                p,
                "--on-error",
                "skip",
                "--rejects",
                "@DBUPPER"));
        cases.add(Case.of(
                "--rejects onto a link to the database",
                2,
                "the database",
                "import",
                in,
                "--mapping",
                p,
                "--on-error",
                "skip",
                "--rejects",
                "@DBLINK"));
        cases.add(Case.of(
                "--rejects onto the input",
                2,
                "the file being imported",
                "import",
                in,
                "--mapping",
                p,
                "--on-error",
                "skip",
                "--rejects",
                in));
        cases.add(Case.of(
                "--rejects onto the mapping profile",
                2,
                "the mapping profile",
                "import",
                in,
                "--mapping",
                p,
                "--on-error",
                "skip",
                "--rejects",
                p));
        cases.add(Case.of(
                "--rejects in a missing folder",
                2,
                "does not exist",
                "import",
                in,
                "--mapping",
                p,
                "--on-error",
                "skip",
                "--rejects",
                dir.resolve("no/such/r.csv").toString()));
        for (String device : List.of("/dev/full", "/dev/stdout", "/dev/tty")) {
            cases.add(Case.of(
                    "--rejects onto " + device,
                    2,
                    "devices and process files",
                    "import",
                    in,
                    "--mapping",
                    p,
                    "--on-error",
                    "skip",
                    "--rejects",
                    device));
        }
        cases.add(Case.of(
                "--rejects onto a folder",
                2,
                "folder",
                "import",
                in,
                "--mapping",
                p,
                "--on-error",
                "skip",
                "--rejects",
                dir.toString()));

        // databases that cannot be used
        Path text = write("notes.mv.db", "name,amount\nAcme,12\n");
        cases.add(
                Case.noDb("a database that is a text file", 3, "not an H2 database", "--db", text.toString(), "info"));
        Path foreign = dir.resolve("foreign.mv.db");
        try (var c = java.sql.DriverManager.getConnection(
                "jdbc:h2:file:" + foreign.toString().replace(".mv.db", ""), "sa", "")) {
            c.createStatement().executeUpdate("CREATE TABLE orders (id INT PRIMARY KEY)");
        }
        cases.add(Case.noDb("a foreign H2 database", 3, "another program", "--db", foreign.toString(), "info"));
        cases.add(Case.noDb(
                "an import into a foreign H2 database",
                3,
                "another program",
                "--db",
                foreign.toString(),
                "import",
                in,
                "--mapping",
                p));
        cases.add(
                Case.of("an import into a locked database", 3, "already open", "@LOCK", "import", in, "--mapping", p));
        cases.add(Case.of(
                "an import --json into a locked database",
                3,
                "already open",
                "@LOCK",
                "import",
                in,
                "--mapping",
                p,
                "--json"));

        // broken files
        try (Stream<Path> s = Files.list(CORPUS)) {
            for (Path f : s.filter(x -> x.toString().endsWith(".csv")).sorted().toList()) {
                java.util.Properties expected = new java.util.Properties();
                try (var r = Files.newBufferedReader(
                        CORPUS.resolve(f.getFileName().toString().replace(".csv", ".expected")))) {
                    expected.load(r);
                }
                if (expected.getProperty("outcome").equals("error")) {
                    int code =
                            switch (expected.getProperty("kind")) {
                                case "INVALID_DATA" -> 1;
                                case "SETTINGS" -> 2;
                                default -> 3;
                            };
                    cases.add(Case.of(
                            "the broken file " + f.getFileName(),
                            code,
                            "",
                            "import",
                            f.toAbsolutePath().toString(),
                            "--mapping",
                            profileFor(f)));
                }
            }
        }
        // values that must not get in
        cases.add(Case.of(
                "an overflowing latitude",
                1,
                "too large a number",
                "import",
                write("lat.csv", "id,name,since,lat\nC9,Bo,2024-01-02,1e309\n").toString(),
                "--mapping",
                p));
        cases.add(Case.of(
                "a NUL in a name",
                1,
                "U+0000",
                "import",
                write("nul.csv", "id,name,since,lat\nC9,\"B\u0000o\",2024-01-02,1\n")
                        .toString(),
                "--mapping",
                p));
        cases.add(Case.of(
                "a header naming a column twice",
                2,
                "2 columns named",
                "import",
                write("twice.csv", "id,name,name,since,lat\nC9,Bo,Bo,2024-01-02,1\n")
                        .toString(),
                "--mapping",
                p));
        cases.add(Case.of(
                "a date far beyond the supported range",
                1,
                "",
                "import",
                write("far.csv", "id,name,since,lat\nC9,Bo,+999999999-12-31,1\n")
                        .toString(),
                "--mapping",
                p));
        cases.add(Case.of(
                "a blank file", 3, "", "import", write("blank.csv", "   \n\n").toString(), "--mapping", p));
        Path campaigns = profileWith("campaign.json", """
                {"table": "campaign", "source": "cli", "key": ["id"],
                 "columns": [{"from": "name", "to": "name"}, {"from": "channel", "to": "channel"},
                             {"from": "start", "to": "started_on"}, {"from": "end", "to": "ended_on"},
                             {"from": "budget", "to": "budget"}]}""");
        cases.add(Case.of(
                "a rule of the table broken",
                1,
                "ended_on must not be before started_on",
                "import",
                write("ends.csv", "id,name,channel,start,end,budget\nK1,Spring,radio,2025-03-01,2025-02-01,10\n")
                        .toString(),
                "--mapping",
                campaigns.toString()));
        cases.add(Case.of(
                "money with three decimals",
                1,
                "more decimals",
                "import",
                write("money.csv", "id,name,channel,start,end,budget\nK1,Spring,radio,2025-03-01,,12.345\n")
                        .toString(),
                "--mapping",
                campaigns.toString()));
        cases.add(Case.of(
                "a number too large for its column",
                1,
                "too large",
                "import",
                write("huge.csv", "id,name,channel,start,end,budget\nK1,Spring,radio,2025-03-01,,1e40\n")
                        .toString(),
                "--mapping",
                campaigns.toString()));
        // broken workbooks
        Path xlsxProfile = profileWith("xlsx.json", """
                {"table": "customer", "source": "cli", "key": ["id"],
                 "columns": [{"from": "name", "to": "name"}]}""");
        cases.add(Case.of(
                "a workbook that is not a zip",
                3,
                "not a readable XLSX",
                "import",
                write("fake.xlsx", "PK\u0003\u0004 not really a zip").toString(),
                "--mapping",
                xlsxProfile.toString()));
        cases.add(Case.of(
                "a workbook whose sheet is cut off",
                3,
                "cannot be read",
                "import",
                workbook("cut.xlsx", SHEET_START + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c>")
                        .toString(),
                "--mapping",
                xlsxProfile.toString()));
        cases.add(Case.of(
                "a workbook with an external entity",
                3,
                "cannot be read",
                "import",
                workbook(
                                "xxe.xlsx",
                                "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                                        + SHEET_START.substring(SHEET_START.indexOf("<worksheet"))
                                        + row(1, "id", "name") + row(2, "1", "&x;") + SHEET_END)
                        .toString(),
                "--mapping",
                xlsxProfile.toString()));
        cases.add(Case.of(
                "a workbook with nested entities",
                3,
                "cannot be read",
                "import",
                workbook(
                                "laughs.xlsx",
                                "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"lol\">"
                                        + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
                                        + SHEET_START.substring(SHEET_START.indexOf("<worksheet"))
                                        + row(1, "id", "name") + row(2, "1", "&c;") + SHEET_END)
                        .toString(),
                "--mapping",
                xlsxProfile.toString()));
        return cases;
    }

    private String profileFor(Path corpusFile) throws IOException {
        Path f = dir.resolve("corpus-" + corpusFile.getFileName() + ".json");
        if (!Files.exists(f)) {
            Files.writeString(f, """
                    {"table": "customer", "source": "corpus", "key": ["id"],
                     "columns": [{"from": "name", "to": "name"}, {"from": "since", "to": "acquired_on"},
                                 {"from": "lat", "to": "lat"}]}""");
        }
        return f.toString();
    }

    private static final String SHEET_START = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
    private static final String SHEET_END = "</sheetData></worksheet>";

    private static String row(int r, String a, String b) {
        return "<row r=\"" + r + "\"><c r=\"A" + r + "\" t=\"inlineStr\"><is><t>" + a + "</t></is></c>" + "<c r=\"B" + r
                + "\" t=\"inlineStr\"><is><t>" + b + "</t></is></c></row>";
    }

    /** A workbook written by fastexcel, with its one sheet's XML replaced by {@code sheet}. */
    private Path workbook(String name, String sheet) throws IOException {
        Path valid = dir.resolve("valid-" + name);
        try (OutputStream out = Files.newOutputStream(valid)) {
            org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "test", "1.0");
            org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet("Sheet1");
            ws.value(0, 0, "id");
            ws.value(0, 1, "name");
            ws.value(1, 0, "1");
            ws.value(1, 1, "Ada");
            wb.finish();
        }
        Path file = dir.resolve(name);
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(valid.toFile());
                ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().startsWith("xl/worksheets/sheet")) {
                    zip.write(sheet.getBytes(StandardCharsets.UTF_8));
                } else {
                    try (var entry = in.getInputStream(e)) {
                        entry.transferTo(zip);
                    }
                }
                zip.closeEntry();
            }
        }
        return file;
    }
}
