package quant.core.analysis;

import java.util.Locale;
import java.util.Map;

/**
 * The name a person reads for a code of the data: {@code google_ads} → "Google Ads", {@code site_visit}
 * → "Site visit", {@code monthly_churn_pct} → "Monthly churn %". Codes stay codes in JSON and on the
 * command line; windows, reports and text tables show these names. A code already written as a name
 * ("Riverton", "HVAC") is kept as it is; a service line's own name from its table wins over any rule
 * ({@link Codes#label}).
 */
public final class DisplayNames {
    /** Words written in capitals. */
    private static final java.util.Set<String> ACRONYMS = java.util.Set.of(
            "seo", "ppc", "sms", "crm", "tv", "hvac", "b2b", "b2c", "kpi", "ltv", "cac", "dso", "roi", "ar", "ap",
            "qbo", "id", "url", "usa", "us", "uk");

    /** Brands and other proper nouns, as they are written; a name that starts with one is in title case. */
    private static final Map<String, String> PROPER = Map.ofEntries(
            Map.entry("google", "Google"),
            Map.entry("facebook", "Facebook"),
            Map.entry("meta", "Meta"),
            Map.entry("instagram", "Instagram"),
            Map.entry("linkedin", "LinkedIn"),
            Map.entry("youtube", "YouTube"),
            Map.entry("tiktok", "TikTok"),
            Map.entry("yelp", "Yelp"),
            Map.entry("bing", "Bing"),
            Map.entry("nextdoor", "Nextdoor"),
            Map.entry("angi", "Angi"),
            Map.entry("thumbtack", "Thumbtack"),
            Map.entry("homeadvisor", "HomeAdvisor"),
            Map.entry("hubspot", "HubSpot"),
            Map.entry("salesforce", "Salesforce"),
            Map.entry("quickbooks", "QuickBooks"),
            Map.entry("xero", "Xero"),
            Map.entry("stripe", "Stripe"));

    private DisplayNames() {}

    /** The readable name of a code; null for null. */
    public static String of(String code) {
        if (code == null) {
            return null;
        }
        String c = code.strip();
        if (c.isEmpty() || !c.contains("_") && !c.equals(c.toLowerCase(Locale.ROOT))) {
            return c; // already a name: "Riverton", "HVAC", "Heating & cooling"
        }
        String[] words = c.toLowerCase(Locale.ROOT).split("[_\\s]+");
        boolean title = PROPER.containsKey(words[0]);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (w.isEmpty()) {
                continue;
            }
            String shown;
            if (w.equals("pct")) {
                shown = "%";
            } else if (ACRONYMS.contains(w)) {
                shown = w.toUpperCase(Locale.ROOT);
            } else if (PROPER.containsKey(w)) {
                shown = PROPER.get(w);
            } else if (i == 0 || title) {
                shown = Character.toUpperCase(w.charAt(0)) + w.substring(1);
            } else {
                shown = w;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(shown);
        }
        return out.toString();
    }
}
