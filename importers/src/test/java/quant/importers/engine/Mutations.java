package quant.importers.engine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Seeded damage to a file's bytes: the ways real exports and hand edits go wrong. */
final class Mutations {
    private static final String[] FIELDS = {
        "1.2.3",
        "31/02/2024",
        "=SUM(A1:A9)",
        "\"",
        "\"\"",
        ",,,",
        "\u0000",
        "(1,234.50)",
        "",
        " ",
        "2024-13-01",
        "NaN",
        "-",
        "9999999999999999999999",
        "\u00e9\u00e8",
        "\r",
        "\n",
        "3/4/2024",
        "１２３",
        "\uFEFF"
    };

    private Mutations() {}

    static byte[] mutate(byte[] input, SplittableRandom r) {
        byte[] b = input;
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            b = switch (r.nextInt(8)) {
                case 0 -> deleteByte(b, r);
                case 1 -> insertByte(b, r);
                case 2 -> truncate(b, r);
                case 3 -> duplicateLine(b, r);
                case 4 -> replaceField(b, r);
                case 5 -> swap(b, r);
                case 6 -> new String(b, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16LE);
                default -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, b);
            };
        }
        return b;
    }

    private static byte[] deleteByte(byte[] b, SplittableRandom r) {
        if (b.length == 0) {
            return b;
        }
        int at = r.nextInt(b.length);
        byte[] out = new byte[b.length - 1];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(b, at + 1, out, at, b.length - at - 1);
        return out;
    }

    private static byte[] insertByte(byte[] b, SplittableRandom r) {
        byte[] choices = {',', '"', '\n', '\r', 0, (byte) 0xC3, (byte) 0xFF, ';', '\t', '='};
        int at = b.length == 0 ? 0 : r.nextInt(b.length);
        byte[] out = new byte[b.length + 1];
        System.arraycopy(b, 0, out, 0, at);
        out[at] = choices[r.nextInt(choices.length)];
        System.arraycopy(b, at, out, at + 1, b.length - at);
        return out;
    }

    private static byte[] truncate(byte[] b, SplittableRandom r) {
        return b.length == 0 ? b : java.util.Arrays.copyOf(b, r.nextInt(b.length));
    }

    private static byte[] duplicateLine(byte[] b, SplittableRandom r) {
        String s = new String(b, StandardCharsets.UTF_8);
        String[] lines = s.split("\n", -1);
        if (lines.length < 2) {
            return b;
        }
        int k = r.nextInt(lines.length);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            out.append(lines[i]).append(i < lines.length - 1 ? "\n" : "");
            if (i == k) {
                out.append(lines[i]).append('\n');
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] replaceField(byte[] b, SplittableRandom r) {
        String s = new String(b, StandardCharsets.UTF_8);
        int comma = s.indexOf(',', r.nextInt(Math.max(1, s.length())));
        if (comma < 0) {
            return b;
        }
        int end = s.indexOf(',', comma + 1);
        if (end < 0) {
            end = s.length();
        }
        return (s.substring(0, comma + 1) + FIELDS[r.nextInt(FIELDS.length)] + s.substring(end))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] swap(byte[] b, SplittableRandom r) {
        if (b.length < 2) {
            return b;
        }
        byte[] out = b.clone();
        int i = r.nextInt(b.length);
        int j = r.nextInt(b.length);
        byte t = out[i];
        out[i] = out[j];
        out[j] = t;
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
