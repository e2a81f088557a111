package quant.app.delivery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * An SMTP server on the loopback interface for tests: STARTTLS with a certificate made for
 * {@code localhost} by the JDK's keytool, AUTH PLAIN against one user, and the messages it took kept
 * as they arrived. It can leave STARTTLS out or refuse a recipient, to test the client's sentences.
 */
final class LoopbackSmtp implements AutoCloseable {
    /** A message as the server took it. */
    record Received(String from, List<String> to, String data, boolean overTls, String user) {}

    private final ServerSocket server;
    private final SSLContext serverTls;
    private final SSLContext clientTls;
    private final String user;
    private final String password;
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;
    volatile boolean offerStartTls = true;
    volatile String refuseRecipient;

    LoopbackSmtp(Path dir, String user, String password) throws Exception {
        this.user = user;
        this.password = password;
        Path keystore = dir.resolve("smtp.p12");
        if (!Files.exists(keystore)) {
            Process p = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "keytool")
                                    .toString(),
                            "-genkeypair",
                            "-alias",
                            "smtp",
                            "-keyalg",
                            "RSA",
                            "-keysize",
                            "2048",
                            "-validity",
                            "2",
                            "-dname",
                            "CN=localhost",
                            "-ext",
                            "SAN=dns:localhost,ip:127.0.0.1",
                            "-keystore",
                            keystore.toString(),
                            "-storetype",
                            "PKCS12",
                            "-storepass",
                            "changeit",
                            "-keypass",
                            "changeit")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + out);
            }
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("smtp", ks.getCertificate("smtp"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, tmf.getTrustManagers(), null);
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "loopback-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** A client context that trusts this server's certificate. */
    SSLContext clientTls() {
        return clientTls;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                session(s);
            } catch (IOException e) {
                // a client that went away, or the server closing
            }
        }
    }

    private void session(Socket socket) throws IOException {
        Socket s = socket;
        BufferedReader in = reader(s);
        OutputStream out = s.getOutputStream();
        say(out, "220 localhost ESMTP loopback");
        boolean tls = false;
        String authed = null;
        String from = null;
        List<String> to = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            String upper = line.toUpperCase(java.util.Locale.ROOT);
            if (upper.startsWith("EHLO")) {
                StringBuilder b = new StringBuilder("250-localhost\r\n");
                if (offerStartTls && !tls) {
                    b.append("250-STARTTLS\r\n");
                }
                if (tls) {
                    b.append("250-AUTH PLAIN LOGIN\r\n");
                }
                b.append("250 8BITMIME");
                say(out, b.toString());
            } else if (upper.equals("STARTTLS")) {
                say(out, "220 ready");
                SSLSocket secure = (SSLSocket) serverTls.getSocketFactory().createSocket(s, null, s.getPort(), true);
                secure.setUseClientMode(false);
                secure.startHandshake();
                s = secure;
                in = reader(s);
                out = s.getOutputStream();
                tls = true;
            } else if (upper.startsWith("AUTH PLAIN ")) {
                String[] parts = new String(
                                Base64.getDecoder().decode(line.substring(11).strip()), StandardCharsets.UTF_8)
                        .split("\0", -1);
                if (parts.length == 3 && parts[1].equals(user) && parts[2].equals(password)) {
                    authed = parts[1];
                    say(out, "235 2.7.0 authenticated");
                } else {
                    say(out, "535 5.7.8 authentication credentials invalid");
                }
            } else if (upper.startsWith("MAIL FROM:")) {
                if (user != null && authed == null) {
                    say(out, "530 5.7.0 authentication required");
                } else {
                    from = address(line);
                    say(out, "250 ok");
                }
            } else if (upper.startsWith("RCPT TO:")) {
                String a = address(line);
                if (a.equals(refuseRecipient)) {
                    say(out, "550 5.1.1 no such user");
                } else {
                    to.add(a);
                    say(out, "250 ok");
                }
            } else if (upper.equals("DATA")) {
                say(out, "354 go ahead");
                StringBuilder data = new StringBuilder();
                String d;
                while ((d = in.readLine()) != null && !d.equals(".")) {
                    data.append(d.startsWith("..") ? d.substring(1) : d).append('\n');
                }
                received.add(new Received(from, List.copyOf(to), data.toString(), tls, authed));
                say(out, "250 queued");
            } else if (upper.equals("QUIT")) {
                say(out, "221 bye");
                return;
            } else {
                say(out, "502 not implemented");
            }
        }
    }

    private static BufferedReader reader(Socket s) throws IOException {
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
    }

    private static String address(String line) {
        int a = line.indexOf('<');
        int b = line.indexOf('>');
        return a >= 0 && b > a
                ? line.substring(a + 1, b)
                : line.substring(line.indexOf(':') + 1).strip();
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
