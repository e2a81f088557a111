package quant.samples;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import quant.core.store.DomainTable;

/**
 * A customer of the sample company while it is simulated: who they are, how they were won, the
 * lines they buy, how they pay, and the events that raise their churn hazard.
 */
final class Customer {
    /** How a customer pays: on time, late, or often not at all. */
    enum Payer {
        PROMPT,
        SLOW,
        BAD
    }

    String ref;
    String name;
    String channel;
    String campaignRef;
    LocalDate acquiredOn;
    boolean commercial;
    Names.Town town;
    double lat;
    double lon;
    String zip;
    String address;
    String email;
    String phone;
    final List<ServiceLineSpec> lines = new ArrayList<>();
    Payer payer;
    LocalDate churnedOn;
    LocalDate callbackSince;
    LocalDate poorRatingSince;
    LocalDate latePaymentSince;

    /** The customer table of these customers. */
    static SampleTable table(List<Customer> customers) {
        SampleTable t = new SampleTable(
                DomainTable.CUSTOMER,
                "external_ref",
                "name",
                "segment",
                "acquisition_channel",
                "campaign_ref",
                "acquired_on",
                "email",
                "phone",
                "address",
                "city",
                "region",
                "zip",
                "lat",
                "lon");
        for (Customer c : customers) {
            t.add(
                    c.ref,
                    c.name,
                    c.commercial ? "commercial" : "residential",
                    c.channel,
                    c.campaignRef,
                    c.acquiredOn,
                    c.email,
                    c.phone,
                    c.address,
                    c.town.name(),
                    "Front Range",
                    c.zip,
                    c.lat,
                    c.lon);
        }
        return t;
    }
}
