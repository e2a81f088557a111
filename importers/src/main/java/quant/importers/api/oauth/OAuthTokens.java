package quant.importers.api.oauth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import quant.core.importing.ImportException;
import quant.core.secrets.SecretStore;
import quant.importers.api.ApiClient;
import quant.importers.api.Fields;

/**
 * A connection's OAuth 2.0 tokens and the vendor's token endpoint (RFC 6749 §4.1.3 and §6): the code of
 * the loopback authorisation exchanged with its PKCE verifier, and the access token renewed with the
 * refresh token when it expires — before a request when its expiry has passed, or when the vendor says
 * so (401) — keeping the new refresh token where the vendor rotates it. The tokens live in the
 * credential store as one secret, never anywhere else; the client secret, where the vendor requires
 * one, is a second secret sent with HTTP Basic authentication.
 */
public final class OAuthTokens implements ApiClient.Credentials {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Renew this long before the stated expiry, for clocks and requests in flight. */
    static final Duration EARLY = Duration.ofSeconds(60);

    /** Where the tokens come from: the token endpoint and the user's own app. */
    public record Client(URI tokenEndpoint, String clientId, char[] clientSecret) {}

    private final ApiClient.Vendor vendor;
    private final Client client;
    private final SecretStore secrets;
    private final String key;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public OAuthTokens(ApiClient.Vendor vendor, Client client, SecretStore secrets, String key) {
        this.vendor = vendor;
        this.client = client;
        this.secrets = secrets;
        this.key = key;
    }

    /** Exchanges an authorisation's code for tokens and keeps them; returns the token response. */
    public JsonNode exchange(LoopbackAuthorization.Grant grant) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", grant.code());
        form.put("redirect_uri", grant.redirectUri().toString());
        form.put("code_verifier", grant.verifier());
        JsonNode answer = post(form, "exchanging the authorisation code");
        keep(answer, null);
        return answer;
    }

    @Override
    public char[] accessToken() {
        JsonNode kept = kept();
        // a vendor that states no lifetime (Salesforce) says so with a 401, which renews the token then
        boolean expired = kept.has("expiresAt")
                && Instant.now()
                        .isAfter(Instant.ofEpochSecond(kept.get("expiresAt").asLong())
                                .minus(EARLY));
        if (expired) {
            if (!refresh()) {
                throw new ImportException(
                        ImportException.Kind.SOURCE,
                        vendor.title() + " no longer accepts this connection's refresh token (expired or revoked);"
                                + " connect again with " + vendor.reconnect() + ".");
            }
            kept = kept();
        }
        return kept.path("accessToken").asText().toCharArray();
    }

    /** Renews the access token with the refresh token; false when the vendor refuses it. */
    @Override
    public boolean refresh() {
        String refresh = kept().path("refreshToken").asText(null);
        if (refresh == null) {
            return false;
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refresh);
        try {
            keep(post(form, "renewing the access token"), refresh);
            return true;
        } catch (ImportException refused) {
            if (refused.getMessage().contains("invalid_grant")) {
                return false;
            }
            throw refused;
        }
    }

    /** The headers the connection sends, kept with the tokens (Xero's tenant). */
    @Override
    public Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        kept().path("headers")
                .properties()
                .forEach(e -> h.put(e.getKey(), e.getValue().asText()));
        return h;
    }

    /** Keeps headers the connection sends with every request. */
    public void keepHeaders(Map<String, String> headers) {
        if (headers.isEmpty()) {
            return;
        }
        ObjectNode kept = (ObjectNode) kept();
        ObjectNode h = kept.putObject("headers");
        headers.forEach(h::put);
        secrets.put(key, kept.toString().toCharArray());
    }

    /** The kept tokens' other fields (e.g. Salesforce's {@code instance_url}). */
    public JsonNode kept() {
        char[] secret = secrets.get(key)
                .orElseThrow(() -> new ImportException(
                        ImportException.Kind.SOURCE,
                        vendor.title() + "'s tokens are not in " + secrets.describe() + "; connect again with "
                                + vendor.reconnect() + "."));
        try {
            return JSON.readTree(new String(secret));
        } catch (JsonProcessingException e) {
            throw new ImportException(
                    ImportException.Kind.SOURCE,
                    vendor.title() + "'s kept tokens cannot be read; connect again with " + vendor.reconnect() + ".");
        } finally {
            java.util.Arrays.fill(secret, '\0');
        }
    }

    private void keep(JsonNode answer, String previousRefresh) {
        String access = Fields.text(answer, "access_token");
        if (access == null) {
            throw new ImportException(
                    ImportException.Kind.SOURCE,
                    vendor.title() + "'s token endpoint answered without an access token.");
        }
        ObjectNode kept = JSON.createObjectNode();
        kept.put("accessToken", access);
        String refresh = Fields.text(answer, "refresh_token");
        kept.put("refreshToken", refresh != null ? refresh : previousRefresh);
        if (answer.has("expires_in")) {
            kept.put(
                    "expiresAt",
                    Instant.now().getEpochSecond() + answer.get("expires_in").asLong());
        }
        for (String field : java.util.List.of("instance_url", "id")) {
            if (answer.hasNonNull(field)) {
                kept.put(field, answer.get(field).asText());
            }
        }
        if (previousRefresh != null) {
            JsonNode before = kept();
            if (before.has("headers")) {
                kept.set("headers", before.get("headers"));
            }
        }
        secrets.put(key, kept.toString().toCharArray());
    }

    private JsonNode post(Map<String, String> form, String what) {
        Map<String, String> body = new LinkedHashMap<>(form);
        HttpRequest.Builder b = HttpRequest.newBuilder(client.tokenEndpoint())
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (client.clientSecret() != null && client.clientSecret().length > 0) {
            String basic = client.clientId() + ":" + new String(client.clientSecret());
            b.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        } else {
            body.put("client_id", client.clientId());
        }
        HttpResponse<String> r;
        try {
            r = http.send(
                    b.POST(HttpRequest.BodyPublishers.ofString(LoopbackAuthorization.form(body)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ImportException(
                    ImportException.Kind.SOURCE,
                    "Could not reach " + vendor.title() + "'s token endpoint at "
                            + client.tokenEndpoint().getHost() + " while " + what + " ("
                            + e.getClass().getSimpleName() + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(r.body());
        } catch (JsonProcessingException e) {
            answer = null;
        }
        if (r.statusCode() / 100 != 2 || answer == null) {
            String error = answer == null ? null : Fields.text(answer, "error");
            String description = answer == null ? null : Fields.text(answer, "error_description");
            throw new ImportException(
                    ImportException.Kind.SOURCE,
                    vendor.title() + "'s token endpoint refused " + what + " (" + r.statusCode()
                            + (error == null ? "" : ", " + error) + (description == null ? "" : ": " + description)
                            + ")" + ("invalid_client".equals(error) ? "; check the app's client id and secret." : "."));
        }
        return answer;
    }
}
