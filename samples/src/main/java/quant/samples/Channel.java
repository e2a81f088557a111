package quant.samples;

/**
 * An acquisition channel: what a month of it costs and what one new customer from it costs.
 *
 * @param monthlySpend the mean monthly spend in dollars
 * @param costPerCustomer the mean acquisition cost of one customer
 * @param commercialShare the share of its customers that are businesses
 */
record Channel(String code, double monthlySpend, double costPerCustomer, double commercialShare) {
    static final Channel[] ALL = {
        new Channel("google_ads", 4200, 175, 0.15),
        new Channel("facebook", 2100, 215, 0.05),
        new Channel("referral", 900, 60, 0.2),
        new Channel("yard_signs", 500, 95, 0.05),
        new Channel("home_shows", 1500, 340, 0.1),
        new Channel("direct_mail", 1600, 260, 0.1),
        new Channel("organic_web", 800, 45, 0.2),
        new Channel("trade_association", 700, 230, 0.6)
    };
}
