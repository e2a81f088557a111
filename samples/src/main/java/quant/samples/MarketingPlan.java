package quant.samples;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import quant.core.store.DomainTable;

/**
 * Campaigns and monthly spend per channel, and the customers that spend brings in: each month a
 * channel acquires a Poisson number of customers with mean spend ÷ cost per customer, so the
 * recorded spend and the acquired customers agree, as CAC analyses expect.
 */
final class MarketingPlan {
    record Campaign(String ref, String name, String channel, LocalDate start, LocalDate end, ServiceLineSpec line) {}

    record Acquisition(Channel channel, LocalDate date, String campaignRef, ServiceLineSpec campaignLine) {}

    /** A lead that never became a customer: some of them asked for a quote first. */
    record LostLead(String ref, String channel, LocalDate created) {}

    private final List<Campaign> campaigns = new ArrayList<>();
    private final Map<YearMonth, List<Acquisition>> acquisitions = new TreeMap<>();
    private final Map<String, String> leadOfCustomer = new java.util.HashMap<>();
    private final List<LostLead> lostLeads = new ArrayList<>();

    static MarketingPlan generate(Rng rng, SampleCompany company) {
        MarketingPlan plan = new MarketingPlan();
        plan.campaigns(company);
        plan.spend(rng, company);
        return plan;
    }

    private void campaigns(SampleCompany company) {
        SampleTable t = new SampleTable(
                DomainTable.CAMPAIGN, "external_ref", "name", "channel", "started_on", "ended_on", "budget");
        int n = 0;
        for (int year = SampleCompany.START.getYear(); year <= SampleCompany.END.getYear(); year++) {
            Object[][] yearly = {
                {"Spring lawn revival", "facebook", 3, 5, ServiceLineSpec.LANDSCAPING, 6000},
                {"Home & Garden Show", "home_shows", 3, 3, ServiceLineSpec.LANDSCAPING, 4500},
                {"Summer AC tune-up", "google_ads", 6, 8, ServiceLineSpec.HVAC, 9000},
                {"Furnace safety check", "direct_mail", 10, 11, ServiceLineSpec.HVAC, 5000},
                {"Storm damage roof inspection", "google_ads", 5, 9, ServiceLineSpec.ROOFING, 7000}
            };
            for (Object[] c : yearly) {
                String ref = "CMP%03d".formatted(++n);
                LocalDate start = LocalDate.of(year, (int) c[2], 1);
                LocalDate end = YearMonth.of(year, (int) c[3]).atEndOfMonth();
                Campaign campaign =
                        new Campaign(ref, c[0] + " " + year, (String) c[1], start, end, (ServiceLineSpec) c[4]);
                campaigns.add(campaign);
                t.add(
                        ref,
                        campaign.name(),
                        campaign.channel(),
                        start,
                        end,
                        Values.money(((Integer) c[5]).doubleValue()));
            }
        }
        company.put(t);
    }

    private Campaign running(String channel, YearMonth ym) {
        for (Campaign c : campaigns) {
            if (c.channel().equals(channel)
                    && !ym.atDay(1).isBefore(c.start())
                    && !ym.atEndOfMonth().isAfter(c.end())) {
                return c;
            }
        }
        return null;
    }

    private void spend(Rng rng, SampleCompany company) {
        SampleTable t = new SampleTable(
                DomainTable.MARKETING_SPEND, "external_ref", "channel", "campaign_ref", "month_start", "amount");
        int n = 0;
        for (YearMonth ym = YearMonth.from(SampleCompany.START);
                !ym.isAfter(YearMonth.from(SampleCompany.END));
                ym = ym.plusMonths(1)) {
            // The business grows about 12% a year.
            double growth = Math.pow(1.12, (ym.getYear() - SampleCompany.START.getYear()) + ym.getMonthValue() / 12.0);
            List<Acquisition> month = new ArrayList<>();
            for (Channel ch : Channel.ALL) {
                Campaign campaign = running(ch.code(), ym);
                double amount =
                        ch.monthlySpend() * 0.5 * growth * rng.uniform(0.8, 1.2) * (campaign != null ? 1.5 : 1.0);
                t.add(
                        "MS%04d".formatted(++n),
                        ch.code(),
                        campaign == null ? null : campaign.ref(),
                        ym.atDay(1),
                        Values.money(amount));
                // Campaigns convert a little better than the channel's baseline.
                double cac = ch.costPerCustomer() * rng.logNormal(0.15) / (campaign != null ? 1.15 : 1.0);
                int count = rng.poisson(amount / cac);
                for (int i = 0; i < count; i++) {
                    LocalDate day = ym.atDay(rng.between(1, ym.lengthOfMonth()));
                    boolean fromCampaign = campaign != null && rng.chance(0.7);
                    month.add(new Acquisition(
                            ch, day, fromCampaign ? campaign.ref() : null, fromCampaign ? campaign.line() : null));
                }
            }
            month.sort((a, b) -> a.date().compareTo(b.date()));
            acquisitions.put(ym, month);
        }
        company.put(t);
    }

    List<Acquisition> acquisitions(YearMonth ym) {
        return acquisitions.getOrDefault(ym, List.of());
    }

    /**
     * Leads: one converted lead per customer (created up to three weeks before the first job) and
     * the leads of each channel that never became customers, at the channel's conversion rate.
     */
    SampleTable leads(Rng rng, List<Customer> customers) {
        SampleTable t = new SampleTable(
                DomainTable.LEAD,
                "external_ref",
                "channel",
                "campaign_ref",
                "created_on",
                "converted_on",
                "customer_ref");
        int n = 0;
        for (Customer c : customers) {
            String converted = "L%06d".formatted(++n);
            leadOfCustomer.put(c.ref, converted);
            t.add(converted, c.channel, c.campaignRef, c.acquiredOn.minusDays(rng.between(0, 21)), c.acquiredOn, c.ref);
            double conversion =
                    switch (c.channel) {
                        case "referral" -> 0.6;
                        case "organic_web" -> 0.4;
                        case "home_shows" -> 0.15;
                        default -> 0.3;
                    };
            // Leads that did not convert: on average (1 - p) / p per converted one.
            int lost = rng.poisson((1 - conversion) / conversion);
            for (int i = 0; i < lost; i++) {
                LocalDate created = c.acquiredOn.minusDays(rng.between(0, 60));
                if (created.isBefore(SampleCompany.START)) {
                    created = SampleCompany.START;
                }
                String ref = "L%06d".formatted(++n);
                lostLeads.add(new LostLead(ref, c.channel, created));
                t.add(ref, c.channel, c.campaignRef, created, null, null);
            }
        }
        return t;
    }

    /** The lead a customer converted from (known once {@link #leads} has run). */
    String leadOf(String customerRef) {
        return leadOfCustomer.get(customerRef);
    }

    /** The leads that did not convert, in the order they were written. */
    List<LostLead> lostLeads() {
        return lostLeads;
    }
}
