package quant.importers.api;

import java.util.List;
import java.util.Optional;
import quant.importers.api.hubspot.HubSpot;
import quant.importers.api.quickbooks.QuickBooks;
import quant.importers.api.salesforce.Salesforce;
import quant.importers.api.stripe.Stripe;
import quant.importers.api.xero.Xero;

/** The connectors the workbench has, by name. */
public final class Connectors {
    private static final List<Connector> ALL =
            List.of(new HubSpot(), new Stripe(), new QuickBooks(), new Xero(), new Salesforce());

    private Connectors() {}

    public static List<Connector> all() {
        return ALL;
    }

    public static Optional<Connector> byName(String name) {
        return ALL.stream().filter(c -> c.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    /** The names, for a sentence: "hubspot, stripe". */
    public static String names() {
        return String.join(", ", ALL.stream().map(Connector::name).toList());
    }
}
