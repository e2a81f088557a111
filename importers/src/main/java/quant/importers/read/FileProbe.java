package quant.importers.read;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import quant.core.importing.ImportException;
import quant.importers.parse.DateOrder;

/**
 * What a look at a file tells before it is read as a table: its format, the settings to read it
 * with (the given ones, completed by detection), a workbook's sheets, and — after a whole read —
 * its size, its SHA-256 and the date order its dates prove.
 *
 * <p>{@link #head} reads only the first {@value FileSniffer#SAMPLE_BYTES} bytes (a workbook: its
 * sheet list and first rows), enough for the wizard's preview. {@link #whole} reads the file once:
 * every byte goes through the digest, and where the date order is neither given nor settled the same
 * read parses the file and collects what its date columns prove. The import then reads it once more,
 * to write it — two reads in all, where the file was sniffed three times and read three times in
 * full before.
 *
 * @param settings the settings to read with; after {@link #whole}, the date order is set where the
 *     file has date columns
 * @param sheets a workbook's sheet names, in order; empty for text files
 * @param size the file's length in bytes
 * @param sha256 the SHA-256 of the file's bytes in hex, or {@code null} after {@link #head}
 */
public record FileProbe(
        Path file, FileSniffer.Format format, ReaderSettings settings, List<String> sheets, long size, String sha256) {
    public FileProbe {
        sheets = List.copyOf(sheets);
    }

    /** Which columns of a file's header hold dates whose order the file must prove. */
    @FunctionalInterface
    public interface DateColumns {
        /** No column needs its date order proven. */
        DateColumns NONE = header -> new int[0];

        /** The indexes in {@code header} of the columns that hold dates. */
        int[] in(List<String> header);
    }

    /** Looks at the head of {@code file}: format, settings completed by detection, sheets. */
    public static FileProbe head(Path file, ReaderSettings given) throws IOException {
        String name = requireFile(file);
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(FileSniffer.SAMPLE_BYTES);
        }
        return look(file, name, head, given, Files.size(file), null);
    }

    /**
     * Reads all of {@code file} once: everything {@link #head} tells, its size and SHA-256, and, when
     * {@code given} has no date order and {@code dates} names columns, the order their values prove.
     *
     * @throws ImportException when the dates allow both day/month and month/day and nothing in the
     *     file tells which, or when the file cannot be read as a table
     */
    public static FileProbe whole(Path file, ReaderSettings given, DateColumns dates) throws IOException {
        String name = requireFile(file);
        MessageDigest digest = newDigest();
        try (Hashing in = new Hashing(Files.newInputStream(file), digest)) {
            byte[] head = in.readNBytes(FileSniffer.SAMPLE_BYTES);
            FileProbe look = look(file, name, head, given, 0, null);
            ReaderSettings settings = look.settings;
            if (settings.dateOrder() != null || dates == DateColumns.NONE) {
                in.transferTo(OutputStream.nullOutputStream());
            } else if (look.format == FileSniffer.Format.XLSX) {
                settings = settings.withDateOrder(proveDateOrder(TableReaders.open(look), dates));
            } else if (scannable(settings) && !scan(head, in)) {
                // no day/month date anywhere: the proof would read every row to find none
                FileProbe hashed = new FileProbe(file, look.format, settings, look.sheets, 0, null);
                try (TableReader header = TableReaders.open(hashed)) {
                    settings = settings.withDateOrder(dates.in(header.header()).length == 0 ? null : DateOrder.YMD);
                }
            } else if (in.count > head.length) {
                // something date-like after the head: the rest was hashed; parse the file for the proof
                FileProbe hashed = new FileProbe(file, look.format, settings, look.sheets, 0, null);
                settings = settings.withDateOrder(proveDateOrder(TableReaders.open(hashed), dates));
            } else {
                settings = settings.withDateOrder(proveDateOrder(textReader(name, head, in, settings), dates));
                in.transferTo(OutputStream.nullOutputStream());
            }
            return new FileProbe(
                    file,
                    look.format,
                    settings,
                    look.sheets,
                    in.count,
                    HexFormat.of().formatHex(digest.digest()));
        }
    }

    private static String requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ImportException(ImportException.Kind.UNREADABLE, file + " does not exist or is not a file.");
        }
        return file.getFileName().toString();
    }

    private static FileProbe look(Path file, String name, byte[] head, ReaderSettings given, long size, String sha256)
            throws IOException {
        if (FileSniffer.format(head, name) == FileSniffer.Format.XLSX) {
            XlsxTableReader.Layout layout = XlsxTableReader.layout(file, given.sheet());
            int header = given.headerRow() != null ? given.headerRow() : layout.headerRow();
            return new FileProbe(
                    file,
                    FileSniffer.Format.XLSX,
                    given.orElse(new ReaderSettings(null, null, header, null, null, null)),
                    layout.sheets(),
                    size,
                    sha256);
        }
        return new FileProbe(
                file, FileSniffer.Format.CSV, given.orElse(FileSniffer.sniffText(head, name)), List.of(), size, sha256);
    }

    /** Whether {@link DayMonthScan} can look at the raw bytes of a text file read with {@code settings}. */
    private static boolean scannable(ReaderSettings settings) {
        java.nio.charset.Charset charset = TableReaders.charset(settings);
        char delimiter = settings.delimiter() == null ? ',' : settings.delimiter();
        boolean asciiBytes = charset.equals(java.nio.charset.StandardCharsets.UTF_8)
                || charset.equals(java.nio.charset.StandardCharsets.US_ASCII)
                || charset.name().startsWith("ISO-8859-")
                || charset.name().startsWith("windows-125");
        return asciiBytes && delimiter != '/' && delimiter != '.' && delimiter != '-';
    }

    /**
     * Scans the head, and when nothing date-like is in it the rest of {@code in} (hashing it on the
     * way, to its end); whether something date-like was found. When the head holds something, the
     * rest is left unread, for the proof to parse in the same read.
     */
    private static boolean scan(byte[] head, Hashing in) throws IOException {
        DayMonthScan scan = new DayMonthScan();
        if (scan.feed(head, head.length)) {
            return true;
        }
        byte[] buffer = new byte[1 << 16];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            if (!scan.found()) {
                scan.feed(buffer, n);
            }
        }
        return scan.found();
    }

    /** A reader over the text already read ({@code head}) followed by the rest of {@code in}, which it does not close. */
    private static TableReader textReader(String name, byte[] head, InputStream in, ReaderSettings settings)
            throws IOException {
        InputStream rest = new FilterInputStream(in) {
            @Override
            public void close() {
                // the probe drains and closes the file itself, so that every byte reaches the digest
            }
        };
        InputStream all = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head), rest);
        return new CsvTableReader(
                name,
                all,
                TableReaders.charset(settings),
                settings.delimiter() == null ? ',' : settings.delimiter(),
                settings.headerRowOrFirst());
    }

    /** The order the date columns' values prove, {@link DateOrder#YMD} when they hold no day/month dates. */
    private static DateOrder proveDateOrder(TableReader table, DateColumns dates) throws IOException {
        DateOrder.Evidence evidence = new DateOrder.Evidence();
        try (TableReader reader = table) {
            int[] columns = dates.in(reader.header());
            if (columns.length == 0) {
                return null;
            }
            for (TableReader.Row row = reader.next(); row != null; row = reader.next()) {
                String[] cells = row.cells();
                for (int i : columns) {
                    if (i < cells.length) {
                        evidence.add(cells[i]);
                    }
                }
            }
        }
        return evidence.order()
                .orElseThrow(
                        () -> new ImportException(
                                ImportException.Kind.SETTINGS,
                                "Dates such as \"" + evidence.example()
                                        + "\" could be day/month/year or month/day/year, and no date in the"
                                        + " file tells which; set the date order (DMY or MDY) in the mapping's reader settings."));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Passes every byte read to a digest and counts them. */
    private static final class Hashing extends FilterInputStream {
        private final MessageDigest digest;
        long count;

        Hashing(InputStream in, MessageDigest digest) {
            super(in);
            this.digest = digest;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                digest.update((byte) b);
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                digest.update(b, off, n);
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // skipped bytes must be hashed too: read them instead
            byte[] buffer = new byte[8192];
            long left = n;
            while (left > 0) {
                int r = read(buffer, 0, (int) Math.min(buffer.length, left));
                if (r < 0) {
                    break;
                }
                left -= r;
            }
            return n - left;
        }
    }
}
