package quant.core.delivery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Sends one e-mail with attachments over SMTP (RFC 5321), always upgraded to TLS with STARTTLS (RFC
 * 3207) before the login or the message travel: a server that does not offer it is refused. The
 * server's certificate is checked against the trusted roots and its host name. Login by AUTH PLAIN
 * (RFC 4954) when a user is given. The message is MIME (RFC 2045–2047): a plain-text body and each
 * attachment in base64. The password is used once and never written to a log or an error.
 */
public final class SmtpClient {
    /** An attachment: its file name, MIME type and bytes. */
    public record Attachment(String name, String type, byte[] bytes) {}

    /** A message. */
    public record Mail(String from, List<String> to, String subject, String body, List<Attachment> attachments) {
        public Mail {
            to = List.copyOf(to);
            attachments = List.copyOf(attachments);
        }
    }

    private static final int TIMEOUT_MS = 30_000;

    private final String host;
    private final int port;
    private final SSLContext tls;
    private Socket socket;
    private BufferedReader in;
    private OutputStream out;

    /**
     * A client of {@code host}:{@code port}, trusting the certificates {@code tls} trusts (the default
     * context trusts the Java runtime's roots).
     */
    public SmtpClient(String host, int port, SSLContext tls) {
        this.host = host;
        this.port = port;
        this.tls = tls;
    }

    /** A client trusting the Java runtime's roots. */
    public static SmtpClient of(String host, int port) throws DeliveryException {
        try {
            return new SmtpClient(host, port, SSLContext.getDefault());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new DeliveryException("This Java runtime has no TLS, so no mail can be sent safely.", e);
        }
    }

    /**
     * Sends {@code mail}, logging in as {@code user} with {@code password} when the user is not empty.
     *
     * @throws DeliveryException in one sentence when the server cannot be reached, offers no STARTTLS,
     *     fails the certificate check, refuses the login, a sender or a recipient, or the message
     */
    public void send(Mail mail, String user, char[] password) throws DeliveryException {
        String where = "the mail server " + host + ":" + port;
        try {
            socket = new Socket();
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            streams();
            expect(220, "greet", where);
            List<String> ext = ehlo(where);
            if (ext.stream().noneMatch(e -> e.toUpperCase(Locale.ROOT).startsWith("STARTTLS"))) {
                throw new DeliveryException(
                        cap(where) + " does not offer STARTTLS, so the login and the pack would travel"
                                + " unencrypted; nothing was sent.");
            }
            command("STARTTLS", 220, "start TLS", where);
            SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(socket, host, port, true);
            SSLParameters params = secure.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            secure.setSSLParameters(params);
            secure.setUseClientMode(true);
            secure.startHandshake();
            socket = secure;
            streams();
            ext = ehlo(where);
            if (!user.isEmpty()) {
                if (ext.stream().noneMatch(e -> e.toUpperCase(Locale.ROOT).matches("AUTH[ =].*\\bPLAIN\\b.*"))) {
                    throw new DeliveryException(
                            cap(where) + " offers no login by password (AUTH PLAIN); nothing was sent.");
                }
                byte[] token = plain(user, password);
                String reply = send("AUTH PLAIN " + Base64.getEncoder().encodeToString(token));
                java.util.Arrays.fill(token, (byte) 0);
                if (!reply.startsWith("235")) {
                    throw new DeliveryException(cap(where) + " refused the login of " + user + " (" + firstLine(reply)
                            + "); check the user and the password. Nothing was sent.");
                }
            }
            command("MAIL FROM:<" + mail.from() + ">", 250, "accept the sender " + mail.from(), where);
            for (String to : mail.to()) {
                command("RCPT TO:<" + to + ">", 250, "accept the recipient " + to, where);
            }
            command("DATA", 354, "take the message", where);
            write(MimeMessage.of(mail, ZonedDateTime.now(), UUID.randomUUID() + "@quant-workbench"));
            write(".\r\n");
            expect(250, "take the message", where);
            send("QUIT");
        } catch (UnknownHostException e) {
            throw new DeliveryException("There is no mail server called " + host + "; check the host name.", e);
        } catch (ConnectException e) {
            throw new DeliveryException(
                    "Could not reach " + where + " (" + e.getMessage() + "); check the host and the port.", e);
        } catch (SocketTimeoutException e) {
            throw new DeliveryException(cap(where) + " did not answer within 30 seconds; nothing was sent.", e);
        } catch (SSLException e) {
            throw new DeliveryException(
                    "The secure connection to " + where + " failed (" + e.getMessage()
                            + "): its certificate is not trusted or not for that name; nothing was sent.",
                    e);
        } catch (IOException e) {
            throw new DeliveryException(
                    "The connection to " + where + " broke off (" + e.getMessage() + "); nothing was sent.", e);
        } finally {
            close();
        }
    }

    private static byte[] plain(String user, char[] password) {
        byte[] u = user.getBytes(StandardCharsets.UTF_8);
        java.nio.ByteBuffer p = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password));
        byte[] out = new byte[2 + 2 * u.length + p.remaining()];
        // authorisation identity and authentication identity are the same user
        System.arraycopy(u, 0, out, 0, u.length);
        out[u.length] = 0;
        System.arraycopy(u, 0, out, u.length + 1, u.length);
        out[2 * u.length + 1] = 0;
        p.get(out, 2 * u.length + 2, p.remaining());
        return out;
    }

    private void streams() throws IOException {
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        out = socket.getOutputStream();
    }

    private List<String> ehlo(String where) throws IOException, DeliveryException {
        String reply = send("EHLO quant-workbench");
        if (!reply.startsWith("250")) {
            throw new DeliveryException(cap(where) + " refused to greet (" + firstLine(reply) + "); nothing was sent.");
        }
        List<String> ext = new ArrayList<>();
        for (String line : reply.split("\n")) {
            if (line.length() > 4) {
                ext.add(line.substring(4).strip());
            }
        }
        return ext;
    }

    private void command(String line, int code, String what, String where) throws IOException, DeliveryException {
        String reply = send(line);
        if (!reply.startsWith(String.valueOf(code))) {
            throw new DeliveryException(
                    cap(where) + " would not " + what + " (" + firstLine(reply) + "); nothing was sent.");
        }
    }

    private void expect(int code, String what, String where) throws IOException, DeliveryException {
        String reply = reply();
        if (!reply.startsWith(String.valueOf(code))) {
            throw new DeliveryException(
                    cap(where) + " would not " + what + " (" + firstLine(reply) + "); nothing was sent.");
        }
    }

    private String send(String line) throws IOException {
        write(line + "\r\n");
        return reply();
    }

    private void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** A reply, its lines joined by newlines (a multi-line reply's lines have "-" after the code). */
    private String reply() throws IOException {
        StringBuilder b = new StringBuilder();
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("the server closed the connection");
            }
            b.append(line).append('\n');
        } while (line.length() > 3 && line.charAt(3) == '-');
        return b.toString();
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String firstLine(String reply) {
        return reply.lines().findFirst().orElse("").strip();
    }

    private void close() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // the message was sent or refused already; a failed close changes neither
        }
    }

    /** The RFC 5322 date of a message. */
    static String date(ZonedDateTime at) {
        return at.format(DateTimeFormatter.RFC_1123_DATE_TIME);
    }
}
