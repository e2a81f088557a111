package quant.core.delivery;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.UUID;
import quant.core.delivery.SmtpClient.Attachment;
import quant.core.delivery.SmtpClient.Mail;

/**
 * An e-mail as the lines SMTP's DATA carries: headers (a subject or file name beyond ASCII encoded as
 * RFC 2047 words), a multipart/mixed body with the text in UTF-8 base64 and each attachment in base64,
 * lines of at most 76 characters, CRLF line ends; a line starting with a dot is doubled (RFC 5321
 * 4.5.2), which base64 never needs.
 */
final class MimeMessage {
    private MimeMessage() {}

    static String of(Mail mail, ZonedDateTime at, String messageId) {
        String boundary = "quant-" + UUID.randomUUID();
        StringBuilder b = new StringBuilder();
        header(b, "From", "<" + mail.from() + ">");
        header(
                b,
                "To",
                String.join(", ", mail.to().stream().map(t -> "<" + t + ">").toList()));
        header(b, "Subject", word(mail.subject()));
        header(b, "Date", SmtpClient.date(at));
        header(b, "Message-ID", "<" + messageId + ">");
        header(b, "MIME-Version", "1.0");
        header(b, "Content-Type", "multipart/mixed; boundary=\"" + boundary + "\"");
        b.append("\r\n");
        b.append("--").append(boundary).append("\r\n");
        header(b, "Content-Type", "text/plain; charset=UTF-8");
        header(b, "Content-Transfer-Encoding", "base64");
        b.append("\r\n");
        base64(b, mail.body().replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        for (Attachment a : mail.attachments()) {
            b.append("--").append(boundary).append("\r\n");
            header(b, "Content-Type", a.type() + "; name=\"" + word(a.name()) + "\"");
            header(b, "Content-Disposition", "attachment; filename=\"" + word(a.name()) + "\"");
            header(b, "Content-Transfer-Encoding", "base64");
            b.append("\r\n");
            base64(b, a.bytes());
        }
        b.append("--").append(boundary).append("--\r\n");
        return b.toString();
    }

    private static void header(StringBuilder b, String name, String value) {
        b.append(name)
                .append(": ")
                .append(value.replace("\r", " ").replace("\n", " "))
                .append("\r\n");
    }

    /**
     * The text as it is when it is printable ASCII, else as RFC 2047 encoded words of at most 45 bytes
     * each (an encoded word is at most 75 characters), split between characters.
     */
    static String word(String text) {
        boolean ascii = text.chars().allMatch(c -> c >= 32 && c < 127 && c != '"');
        if (ascii) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        StringBuilder chunk = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + n > 45) {
                encoded(out, chunk);
                chunk.setLength(0);
                bytes = 0;
            }
            chunk.appendCodePoint(cp);
            bytes += n;
            i += Character.charCount(cp);
        }
        encoded(out, chunk);
        return out.toString();
    }

    private static void encoded(StringBuilder out, CharSequence chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        if (!out.isEmpty()) {
            out.append(' ');
        }
        out.append("=?UTF-8?B?")
                .append(Base64.getEncoder().encodeToString(chunk.toString().getBytes(StandardCharsets.UTF_8)))
                .append("?=");
    }

    private static void base64(StringBuilder b, byte[] bytes) {
        String all = Base64.getEncoder().encodeToString(bytes);
        for (int i = 0; i < all.length(); i += 76) {
            b.append(all, i, Math.min(all.length(), i + 76)).append("\r\n");
        }
    }
}
