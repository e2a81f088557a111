package quant.samples;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.TreeMap;
import quant.core.store.DomainTable;

/**
 * Monthly overheads, the market the company works in, competitors' observed figures, and KPI
 * targets set from the previous year's results.
 */
final class Finance {
    private Finance() {}

    static void generate(Rng rng, SampleCompany company, List<Customer> customers, SampleTable jobs) {
        TreeMap<YearMonth, double[]> monthly = monthlyJobTotals(jobs);
        expenses(rng, company, monthly);
        market(rng, company);
        competitors(rng, company);
        targets(company, monthly);
    }

    /** Per month: revenue, direct cost, travel minutes, completed jobs. */
    private static TreeMap<YearMonth, double[]> monthlyJobTotals(SampleTable jobs) {
        List<String> h = jobs.header();
        int completed = h.indexOf("completed_at");
        int revenue = h.indexOf("revenue");
        int travel = h.indexOf("travel_minutes");
        int labour = h.indexOf("labour_cost");
        int material = h.indexOf("material_cost");
        int equipment = h.indexOf("equipment_cost");
        TreeMap<YearMonth, double[]> totals = new TreeMap<>();
        for (String[] row : jobs.rows()) {
            if (row[completed].isEmpty()) {
                continue;
            }
            YearMonth ym = YearMonth.parse(row[completed].substring(0, 7));
            double[] t = totals.computeIfAbsent(ym, k -> new double[4]);
            t[0] += Double.parseDouble(row[revenue]);
            t[1] += Double.parseDouble(row[labour])
                    + Double.parseDouble(row[material])
                    + Double.parseDouble(row[equipment]);
            t[2] += Double.parseDouble(row[travel]);
            t[3] += 1;
        }
        return totals;
    }

    private static void expenses(Rng rng, SampleCompany company, TreeMap<YearMonth, double[]> monthly) {
        SampleTable t = new SampleTable(
                DomainTable.EXPENSE,
                "external_ref",
                "category",
                "month_start",
                "amount",
                "behaviour",
                "service_line_ref",
                "description");
        int n = 0;
        for (var entry : monthly.entrySet()) {
            YearMonth ym = entry.getKey();
            if (ym.isAfter(YearMonth.from(SampleCompany.END))) {
                continue;
            }
            double[] m = entry.getValue();
            double inflation = Math.pow(1.035, ym.getYear() - SampleCompany.START.getYear());
            LocalDate month = ym.atDay(1);
            Object[][] rows = {
                {"rent", 7200 * inflation, "fixed", null, "Shop and office lease"},
                {"insurance", 3100 * inflation, "fixed", null, "General liability and fleet"},
                {"office_salaries", 18500 * inflation, "fixed", null, "Dispatch, office and management"},
                {"software", 1150 * inflation, "fixed", null, "Field-service software and accounting"},
                {
                    "utilities",
                    900 * inflation * (ym.getMonthValue() <= 2 || ym.getMonthValue() == 12 ? 1.4 : 1.0),
                    "fixed",
                    null,
                    "Shop utilities"
                },
                // Fuel: about 0.45 road km per travel minute at $0.24 per km.
                {"fuel", m[2] * 0.45 * 0.24 * rng.uniform(0.9, 1.1), "variable", null, "Fleet fuel"},
                {
                    "tools_and_supplies",
                    m[0] * 0.018 * rng.uniform(0.8, 1.2),
                    "variable",
                    null,
                    "Small tools and consumables"
                },
                {"disposal", m[0] * 0.004 * rng.uniform(0.8, 1.2), "variable", "ROOF", "Roofing tear-off disposal"}
            };
            for (Object[] r : rows) {
                t.add("X%05d".formatted(++n), r[0], month, Values.money((double) r[1]), r[2], r[3], r[4]);
            }
        }
        company.put(t);
    }

    /**
     * Yearly growth of each line's market (HVAC, plumbing, electrical, landscaping, roofing) in the
     * second, third and fourth year: electrification incentives make electrical grow fastest, faster
     * than the company's own electrical revenue by the last year.
     */
    static final double[][] MARKET_GROWTH = {
        {0.04, 0.04, 0.05}, {0.03, 0.025, 0.025}, {0.08, 0.16, 0.30}, {0.02, 0.015, 0.01}, {0.07, 0.09, 0.10}
    };

    private static void market(Rng rng, SampleCompany company) {
        SampleTable t = new SampleTable(
                DomainTable.MARKET_SIZE, "external_ref", "period_start", "segment", "region", "metric", "market_value");
        double[] level = {410e6, 260e6, 240e6, 180e6, 300e6};
        int n = 0;
        for (int year = SampleCompany.START.getYear(); year <= SampleCompany.END.getYear(); year++) {
            for (int i = 0; i < ServiceLineSpec.ALL.length; i++) {
                if (year > SampleCompany.START.getYear()) {
                    level[i] *= 1 + MARKET_GROWTH[i][Math.min(year - SampleCompany.START.getYear(), 3) - 1];
                }
                double value = level[i] * rng.uniform(0.98, 1.02);
                t.add(
                        "MK%03d".formatted(++n),
                        LocalDate.of(year, 1, 1),
                        ServiceLineSpec.ALL[i].code(),
                        "Front Range",
                        "annual_revenue",
                        Values.money(Math.round(value / 1000) * 1000.0));
            }
        }
        company.put(t);
    }

    private static void competitors(Rng rng, SampleCompany company) {
        SampleTable t = new SampleTable(
                DomainTable.COMPETITOR_OBSERVATION,
                "external_ref",
                "competitor",
                "observed_on",
                "segment",
                "region",
                "metric",
                "observed_value");
        String[][] competitors = {
            {"Peak Comfort Services", "HVAC"},
            {"Blue Pipe Plumbing", "PLUMB"},
            {"Summit Roofing Co.", "ROOF"},
            {"GreenScape Pros", "LAND"}
        };
        int n = 0;
        for (String[] c : competitors) {
            double price = rng.uniform(92, 112);
            double rating = rng.uniform(4.0, 4.7);
            double reviews = rng.uniform(150, 600);
            for (LocalDate q = SampleCompany.START; !q.isAfter(SampleCompany.END); q = q.plusMonths(3)) {
                price += rng.gaussian();
                rating = Math.max(3.5, Math.min(4.9, rating + rng.gaussian() * 0.05));
                reviews += rng.uniform(10, 45);
                LocalDate observed = q.plusDays(rng.between(5, 25));
                t.add("CO%04d".formatted(++n), c[0], observed, c[1], "Front Range", "price_index", decimal(price, 1));
                t.add(
                        "CO%04d".formatted(++n),
                        c[0],
                        observed,
                        c[1],
                        "Front Range",
                        "review_rating",
                        decimal(rating, 2));
                t.add(
                        "CO%04d".formatted(++n),
                        c[0],
                        observed,
                        c[1],
                        "Front Range",
                        "review_count",
                        decimal(Math.round(reviews), 0));
            }
        }
        company.put(t);
    }

    private static void targets(SampleCompany company, TreeMap<YearMonth, double[]> monthly) {
        SampleTable t = new SampleTable(
                DomainTable.KPI_TARGET,
                "external_ref",
                "kpi",
                "period_start",
                "period_end",
                "target",
                "warning_level",
                "critical_level",
                "direction");
        int n = 0;
        // Each year's targets are set from the year before, the coming year's included.
        for (int year = SampleCompany.START.getYear() + 1; year <= SampleCompany.END.getYear() + 1; year++) {
            double lastRevenue = 0;
            double lastCost = 0;
            for (var e : monthly.entrySet()) {
                if (e.getKey().getYear() == year - 1) {
                    lastRevenue += e.getValue()[0];
                    lastCost += e.getValue()[1];
                }
            }
            double monthlyRevenue = Math.round(lastRevenue / 12 * 1.10 / 1000) * 1000.0;
            double margin = Math.round((lastRevenue - lastCost) / lastRevenue * 100);
            LocalDate from = LocalDate.of(year, 1, 1);
            LocalDate to = LocalDate.of(year, 12, 31);
            int y = year - SampleCompany.START.getYear() - 1;
            Object[][] rows = {
                {"monthly_revenue", monthlyRevenue, monthlyRevenue * 0.9, monthlyRevenue * 0.8, "higher"},
                {"gross_margin_pct", margin, margin - 6, margin - 9, "higher"},
                {
                    "operating_margin_pct",
                    pick(y, 10, 22, 26, 28),
                    pick(y, 0, 15, 17, 20),
                    pick(y, -5, 10, 12, 15),
                    "higher"
                },
                {"first_time_fix_rate_pct", 95.0, 90.0, 86.0, "higher"},
                {"average_rating", 4.3, 3.9, 3.75, "higher"},
                {"callback_rate_pct", 4.5, 6.0, 7.5, "lower"},
                {"utilisation_pct", pick(y, 25, 35, 45, 50), pick(y, 16, 26, 34, 40), pick(y, 12, 22, 30, 34), "higher"
                },
                {
                    "monthly_new_customers",
                    pick(y, 55, 65, 70, 75),
                    pick(y, 38, 45, 45, 50),
                    pick(y, 30, 35, 35, 40),
                    "higher"
                },
                {
                    "monthly_churn_pct",
                    pick(y, 1.8, 2.0, 2.2, 2.2),
                    pick(y, 2.5, 2.7, 2.8, 2.8),
                    pick(y, 3.0, 3.1, 3.2, 3.2),
                    "lower"
                },
                {
                    "net_revenue_retention_pct",
                    pick(y, 100, 95, 95, 95),
                    pick(y, 85, 82, 80, 80),
                    pick(y, 80, 78, 75, 75),
                    "higher"
                },
                {"dso_days", pick(y, 35, 38, 40, 40), pick(y, 45, 52, 58, 50), pick(y, 52, 58, 70, 58), "lower"},
                {
                    "receivables_over_60",
                    pick(y, 40000, 60000, 80000, 90000),
                    pick(y, 60000, 90000, 120000, 130000),
                    pick(y, 80000, 120000, 160000, 170000),
                    "lower"
                },
                {"top5_share_pct", 5.0, 8.0, 10.0, "lower"},
                {"cash_runway_months", pick(y, 2, 3, 4, 6), pick(y, 1, 2, 3, 4), pick(y, 0.5, 1.5, 2, 3), "higher"},
                {"cac", 140.0, 195.0, 230.0, "lower"},
                {"ltv_to_cac", 15.0, 10.0, 8.0, "higher"},
                {"payback_months", 2.0, 3.2, 4.0, "lower"},
                {"win_rate_pct", pick(y, 15, 22, 25, 25), pick(y, 5, 6, 12, 12), pick(y, 3, 4, 8, 8), "higher"},
                {
                    "pipeline_coverage",
                    pick(y, 1.0, 0.8, 1.0, 1.0),
                    pick(y, 0.4, 0.25, 0.45, 0.45),
                    pick(y, 0.3, 0.2, 0.3, 0.3),
                    "higher"
                },
                {"average_deal_size", 7000.0, 3000.0, 2500.0, "higher"},
                {"forecast_accuracy_pct", 85.0, 70.0, 60.0, "higher"}
            };
            for (Object[] r : rows) {
                t.add(
                        "K%03d".formatted(++n),
                        r[0],
                        from,
                        to,
                        decimal((double) r[1], 2),
                        decimal((double) r[2], 2),
                        decimal((double) r[3], 2),
                        r[4]);
            }
        }
        company.put(t);
    }

    /** The value for the target year: the first year of targets, the second, … (the last repeats). */
    private static double pick(int yearIndex, double... byYear) {
        return byYear[Math.min(yearIndex, byYear.length - 1)];
    }

    private static BigDecimal decimal(double v, int scale) {
        return BigDecimal.valueOf(v).setScale(scale, java.math.RoundingMode.HALF_UP);
    }
}
