package quant.importers.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import quant.core.job.JobMonitor;
import quant.importers.engine.ImportSource;

/**
 * One vendor's API as a source of the data model: which objects a sync reads, in the order they are
 * imported (a referenced row before the rows that refer to it), and how to read each — everything, or
 * what changed since a watermark. Each connector documents its mapping in {@code docs/connectors.md}.
 */
public interface Connector {
    /** How the user lets the workbench in. */
    enum Auth {
        /** A token or key the user creates in the vendor's settings (read from standard input). */
        TOKEN,
        /** OAuth 2.0 with the user's own app: the browser asks the user, the workbench gets tokens. */
        OAUTH
    }

    /** The name in commands and the audit: {@code hubspot}. */
    String name();

    /** How the vendor and its errors are named. */
    ApiClient.Vendor vendor();

    Auth auth();

    /** The vendor's API address, used unless the connection names another ({@code --base-url}). */
    URI defaultBaseUrl();

    /**
     * Checks a new connection with one light request and names the account it reaches, or null where
     * the vendor does not say.
     *
     * @throws quant.core.importing.ImportException when the vendor refuses the token (one sentence)
     */
    String check(ApiClient client, JobMonitor monitor);

    /**
     * An OAuth connector's endpoints and scope (null for a token connector). With {@code --base-url}
     * the endpoints move to that host, keeping their paths ({@link #onHost}).
     *
     * @param secretRequired whether the vendor requires the app's client secret besides its id
     */
    record OAuth(URI authorize, URI token, String scope, boolean secretRequired, Map<String, String> extra) {}

    default OAuth oauth() {
        return null;
    }

    /**
     * Where an authorised connection's API is, from the redirect's parameters and the token response
     * (QuickBooks names the company in {@code realmId}, Salesforce the instance in {@code instance_url}).
     */
    default URI apiBase(URI base, Map<String, String> redirect, com.fasterxml.jackson.databind.JsonNode tokens) {
        return base;
    }

    /**
     * Headers an authorised connection sends with every request, found once when it connects (Xero's
     * tenant); none by default.
     */
    default Map<String, String> connectionHeaders(ApiClient client, JobMonitor monitor) {
        return Map.of();
    }

    /** {@code endpoint}'s path on {@code host}'s scheme, host and port (a proxy, a sandbox, a test). */
    static URI onHost(URI endpoint, URI host) {
        String path = endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? "/" : endpoint.getRawPath();
        return URI.create(host.getScheme() + "://" + host.getRawAuthority() + path
                + (endpoint.getRawQuery() == null ? "" : "?" + endpoint.getRawQuery()));
    }

    /** The objects of a sync, in import order. */
    List<String> objects();

    /**
     * The sources of one sync: for each object, its records since the watermark it is given, or all of
     * them where it is given none ({@code --full}, or the first sync).
     */
    List<ImportSource.Records> sources(ApiClient client, Map<String, String> watermarks, JobMonitor monitor);
}
