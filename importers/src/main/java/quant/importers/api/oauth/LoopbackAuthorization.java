package quant.importers.api.oauth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import quant.core.importing.ImportException;
import quant.core.job.JobMonitor;

/**
 * OAuth 2.0 authorisation code with PKCE through a loopback redirect, as a desktop application does it
 * (RFC 8252, "OAuth 2.0 for Native Apps", §7.3; RFC 7636, "Proof Key for Code Exchange"): a one-time
 * HTTP listener on 127.0.0.1 at a port the system chooses, the vendor's authorisation page opened in the
 * user's browser with a random {@code state} and the S256 challenge of a random verifier, then the
 * redirect checked — the same {@code state}, no {@code error} — and its code handed back with the
 * verifier for the token request. The listener answers one redirect and is closed, its port released,
 * whatever happens.
 */
public final class LoopbackAuthorization {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the redirect brought: the code, the verifier for the token request, and its other parameters. */
    public record Grant(String code, String verifier, URI redirectUri, Map<String, String> parameters) {}

    private LoopbackAuthorization() {}

    /**
     * Runs the flow.
     *
     * @param authorize the vendor's authorisation endpoint
     * @param parameters client_id, scope and the vendor's other parameters (the flow adds response_type,
     *     redirect_uri, state, code_challenge and its method)
     * @param browser opens the page (the desktop's browser; a test's fake)
     * @param port the loopback port: the one registered as the app's redirect URI, or 0 for any free one
     *     where the vendor accepts any port (RFC 8252 §7.3)
     * @param wait how long the user has to answer
     * @throws ImportException when the port is busy, the user refuses, the redirect's state differs, or
     *     time runs out
     */
    public static Grant authorize(
            URI authorize,
            Map<String, String> parameters,
            Consumer<URI> browser,
            int port,
            Duration wait,
            JobMonitor monitor)
            throws IOException {
        String state = random(32);
        String verifier = random(32);
        CompletableFuture<Map<String, String>> answer = new CompletableFuture<>();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (java.net.BindException busy) {
            throw new ImportException(
                    ImportException.Kind.SOURCE,
                    "The port " + port + " of the redirect address http://127.0.0.1:" + port + "/callback is in use;"
                            + " close what uses it, or register another port with the app and give it with"
                            + " --redirect-port.");
        }
        try {
            URI redirect = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/callback");
            server.createContext("/callback", exchange -> answer(exchange, state, answer));
            server.start();
            Map<String, String> query = new LinkedHashMap<>(parameters);
            query.put("response_type", "code");
            query.put("redirect_uri", redirect.toString());
            query.put("state", state);
            query.put("code_challenge", challenge(verifier));
            query.put("code_challenge_method", "S256");
            browser.accept(URI.create(authorize + (authorize.getQuery() == null ? "?" : "&") + form(query)));
            Map<String, String> got = await(answer, wait, monitor);
            return new Grant(got.get("code"), verifier, redirect, got);
        } finally {
            server.stop(1); // at most a second for an answer still being written
        }
    }

    private static Map<String, String> await(
            CompletableFuture<Map<String, String>> answer, Duration wait, JobMonitor monitor) {
        long end = System.nanoTime() + wait.toNanos();
        while (true) {
            monitor.checkCancelled();
            try {
                return answer.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (System.nanoTime() > end) {
                    throw new ImportException(
                            ImportException.Kind.SOURCE,
                            "No answer from the browser within " + wait.toMinutes() + " minutes; connect again and"
                                    + " approve the access in the page that opens.");
                }
            } catch (ExecutionException e) {
                throw e.getCause() instanceof ImportException ie
                        ? ie
                        : new ImportException(
                                ImportException.Kind.SOURCE,
                                "The authorisation failed: " + e.getCause().getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
        }
    }

    /**
     * Answers the browser first and only then hands the outcome over, so the listener is not closed while
     * the page is still on its way.
     */
    private static void answer(HttpExchange exchange, String state, CompletableFuture<Map<String, String>> answer)
            throws IOException {
        Map<String, String> got = parse(exchange.getRequestURI().getRawQuery());
        String page;
        int status;
        Runnable outcome;
        if (!state.equals(got.get("state"))) {
            status = 400;
            page = "This answer does not belong to the request the workbench made; nothing was connected.";
            outcome = () -> answer.completeExceptionally(new ImportException(
                    ImportException.Kind.SOURCE,
                    "The authorisation's answer did not carry the state the workbench sent, so it was refused;"
                            + " connect again."));
        } else if (got.containsKey("error")) {
            status = 400;
            page = "The access was not given: " + got.get("error") + ". You can close this window.";
            outcome = () -> answer.completeExceptionally(new ImportException(
                    ImportException.Kind.SOURCE,
                    "The vendor did not give access (" + got.get("error")
                            + (got.containsKey("error_description") ? ": " + got.get("error_description") : "")
                            + ")."));
        } else if (got.get("code") == null) {
            status = 400;
            page = "The answer carried no authorisation code; nothing was connected.";
            outcome = () -> answer.completeExceptionally(new ImportException(
                    ImportException.Kind.SOURCE, "The authorisation's answer carried no code; connect again."));
        } else {
            status = 200;
            page = "Quant Workbench is connected. You can close this window.";
            outcome = () -> answer.complete(got);
        }
        byte[] body = ("<!doctype html><meta charset=utf-8><title>Quant Workbench</title><p>" + page)
                .getBytes(StandardCharsets.UTF_8);
        try {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(status, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        } finally {
            outcome.run();
        }
    }

    /** BASE64URL(SHA-256(verifier)) without padding (RFC 7636 §4.2). */
    public static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** {@code bytes} random bytes as unpadded base64url: 32 give the 43 characters RFC 7636 asks at least. */
    static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** {@code application/x-www-form-urlencoded}. */
    public static String form(Map<String, String> values) {
        StringBuilder s = new StringBuilder();
        for (var e : values.entrySet()) {
            if (!s.isEmpty()) {
                s.append('&');
            }
            s.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return s.toString();
    }

    static Map<String, String> parse(String rawQuery) {
        Map<String, String> m = new LinkedHashMap<>();
        if (rawQuery == null) {
            return m;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            m.putIfAbsent(k, v);
        }
        return m;
    }
}
