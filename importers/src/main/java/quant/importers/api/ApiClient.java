package quant.importers.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadLocalRandom;
import quant.core.importing.ImportException;
import quant.core.job.JobMonitor;

/**
 * A vendor's JSON API over HTTPS, as every connector calls it: bearer-token requests with timeouts
 * (10 s to connect, 60 s to answer), rate limits honoured (HTTP 429 with {@code Retry-After} in seconds
 * or as a date, or the vendor's own limit error, {@link Vendor#rateLimited}), transient failures (5xx,
 * timeouts, a dropped connection) retried with exponential back-off and full jitter — reads only, or a
 * write the vendor did not process (429) — an expired access token refreshed once where the connection
 * can ({@link Credentials#refresh}), and every other refusal turned into one sentence that names the
 * vendor, the request and the vendor's own words: never the token.
 *
 * <p>Back-off: attempt n waits a random time in [0, min(cap, base·2ⁿ)] ("full jitter", M. Brooker,
 * "Exponential Backoff and Jitter", AWS Architecture Blog, 2015), base 0.5 s, cap 30 s, at most
 * {@value #ATTEMPTS} attempts; a {@code Retry-After} beyond 120 s is not waited for.
 */
public final class ApiClient {
    static final int ATTEMPTS = 6;
    static final Duration BASE = Duration.ofMillis(500);
    static final Duration CAP = Duration.ofSeconds(30);
    static final Duration LONGEST_RETRY_AFTER = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where the access token comes from, and how it is renewed when the vendor says it expired. */
    public interface Credentials {
        /** The access token to send; never logged or shown. */
        char[] accessToken();

        /** Renews the access token (OAuth refresh); false when this connection cannot. */
        default boolean refresh() {
            return false;
        }

        /** Headers this connection sends with every request (Xero's {@code xero-tenant-id}). */
        default java.util.Map<String, String> headers() {
            return java.util.Map.of();
        }
    }

    /** How a vendor says things: its name, its error bodies and its rate-limit errors. */
    public interface Vendor {
        /** The vendor's name in sentences: "HubSpot". */
        String title();

        /** The command that connects again, for the sentence about an expired token. */
        String reconnect();

        /** The vendor's own words in an error body, or null. */
        String message(JsonNode body);

        /** Headers every request carries, e.g. the API version a connector was written against. */
        default java.util.Map<String, String> headers() {
            return java.util.Map.of();
        }

        /** Whether a non-429 answer is the vendor's rate-limit error (Salesforce, QuickBooks). */
        default boolean rateLimited(int status, JsonNode body) {
            return false;
        }
    }

    /** Waits between attempts; tests replace it so they do not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d, JobMonitor monitor) throws InterruptedException;

        /** Sleeps in short slices, stopping when the job is cancelled. */
        Sleeper REAL = (d, monitor) -> {
            long end = System.nanoTime() + d.toNanos();
            while (System.nanoTime() < end) {
                monitor.checkCancelled();
                Thread.sleep(Math.min(200, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            }
        };
    }

    private final Vendor vendor;
    private final URI base;
    private final Credentials credentials;
    private final HttpClient http;
    private final Sleeper sleeper;

    public ApiClient(Vendor vendor, URI base, Credentials credentials) {
        this(vendor, base, credentials, Sleeper.REAL);
    }

    public ApiClient(Vendor vendor, URI base, Credentials credentials, Sleeper sleeper) {
        this.vendor = vendor;
        this.base = base;
        this.credentials = credentials;
        this.sleeper = sleeper;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    public Vendor vendor() {
        return vendor;
    }

    public URI base() {
        return base;
    }

    /** GETs {@code pathAndQuery} (relative to the base URL) as JSON. */
    public JsonNode get(String pathAndQuery, JobMonitor monitor) {
        return send("GET", pathAndQuery, null, java.util.Map.of(), true, monitor);
    }

    /** GETs with headers of this request, e.g. {@code If-Modified-Since}. */
    public JsonNode get(String pathAndQuery, java.util.Map<String, String> headers, JobMonitor monitor) {
        return send("GET", pathAndQuery, null, headers, true, monitor);
    }

    /**
     * POSTs a JSON body; {@code reads} says whether the request only reads (a search), so that it may be
     * retried like a GET.
     */
    public JsonNode post(String path, JsonNode body, boolean reads, JobMonitor monitor) {
        return send("POST", path, body, java.util.Map.of(), reads, monitor);
    }

    private JsonNode send(
            String method,
            String pathAndQuery,
            JsonNode body,
            java.util.Map<String, String> headers,
            boolean reads,
            JobMonitor monitor) {
        URI uri = base.resolve(pathAndQuery.startsWith("/") ? pathAndQuery.substring(1) : pathAndQuery);
        String what = method + " " + uri.getPath();
        boolean refreshed = false;
        for (int attempt = 0; ; attempt++) {
            monitor.checkCancelled();
            HttpResponse<String> response;
            try {
                response = http.send(request(method, uri, body, headers), HttpResponse.BodyHandlers.ofString());
            } catch (HttpTimeoutException e) {
                if (reads && attempt + 1 < ATTEMPTS) {
                    pause(backOff(attempt), monitor);
                    continue;
                }
                throw failure(vendor.title() + " did not answer " + what + " within 60 seconds"
                        + (reads ? " (" + ATTEMPTS + " tries)" : "") + ". Nothing was written; sync again later.");
            } catch (ConnectException e) {
                if (reads && attempt + 1 < ATTEMPTS) {
                    pause(backOff(attempt), monitor);
                    continue;
                }
                throw failure("Could not reach " + vendor.title() + " at " + base.getHost()
                        + " (no connection). Nothing was written; check the network or the address.");
            } catch (IOException e) {
                if (reads && attempt + 1 < ATTEMPTS) {
                    pause(backOff(attempt), monitor);
                    continue;
                }
                throw failure("The connection to " + vendor.title() + " failed during " + what + " ("
                        + e.getClass().getSimpleName() + "). Nothing was written; sync again later.");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return parse(response.body(), what);
            }
            JsonNode error = tryParse(response.body());
            String said = error == null ? null : vendor.message(error);
            if (status == 429 || vendor.rateLimited(status, error)) {
                Duration wait = retryAfter(response).orElse(backOff(attempt));
                if (attempt + 1 < ATTEMPTS && wait.compareTo(LONGEST_RETRY_AFTER) <= 0) {
                    pause(wait, monitor);
                    continue;
                }
                throw failure(vendor.title() + " is limiting requests (" + status + ") and asked to wait "
                        + (wait.toSeconds() > 0 ? wait.toSeconds() + " s" : "longer") + " after " + (attempt + 1)
                        + " tries. Nothing was written; sync again later.");
            }
            if (status == 401) {
                if (!refreshed && credentials.refresh()) {
                    refreshed = true;
                    attempt--;
                    continue;
                }
                throw failure(vendor.title() + " refused the access token for " + what
                        + ": it has expired or been revoked" + (said == null ? "" : " (" + said + ")")
                        + ". Connect again with " + vendor.reconnect() + ".");
            }
            if (status == 403) {
                throw failure(vendor.title() + " refused " + what + ": the connection lacks a permission (scope)"
                        + (said == null ? "" : ": " + said) + ". Give the app that scope and connect again with "
                        + vendor.reconnect() + ".");
            }
            if (status >= 500 && reads && attempt + 1 < ATTEMPTS) {
                pause(backOff(attempt), monitor);
                continue;
            }
            throw failure(vendor.title() + " answered " + status + " to " + what + (said == null ? "" : ": " + said)
                    + ". Nothing was written" + (status >= 500 ? "; sync again later." : "."));
        }
    }

    private HttpRequest request(String method, URI uri, JsonNode body, java.util.Map<String, String> headers) {
        char[] token = credentials.accessToken();
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + new String(token));
        java.util.Arrays.fill(token, '\0');
        vendor.headers().forEach(b::header);
        credentials.headers().forEach(b::header);
        headers.forEach(b::header);
        if (body == null) {
            b.GET();
        } else {
            try {
                b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("a request body that is not JSON", e);
            }
        }
        return b.build();
    }

    private JsonNode parse(String body, String what) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw failure(vendor.title() + " answered " + what + " with something that is not JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + ". Nothing was written.");
        }
    }

    private static JsonNode tryParse(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The wait a 429 asks for: {@code Retry-After} as seconds or as an HTTP date. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(ApiClient::retryAfter);
    }

    static Optional<Duration> retryAfter(String value) {
        String v = value.strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    /** Full jitter: a random wait in [0, min(cap, base·2^attempt)]. */
    static Duration backOff(int attempt) {
        long ceiling = Math.min(CAP.toMillis(), BASE.toMillis() << Math.min(attempt, 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    private void pause(Duration d, JobMonitor monitor) {
        try {
            sleeper.sleep(d, monitor);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }

    private static ImportException failure(String sentence) {
        return new ImportException(ImportException.Kind.SOURCE, sentence);
    }
}
