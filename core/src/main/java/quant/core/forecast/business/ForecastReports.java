package quant.core.forecast.business;

import java.util.ArrayList;
import java.util.List;
import quant.core.forecast.Backtest;
import quant.core.forecast.DataChecks;
import quant.core.forecast.SeriesForecast;
import quant.core.report.Column;
import quant.core.report.KeyFigure;
import quant.core.report.Report;
import quant.core.report.ReportTable;
import quant.core.report.Status;

/**
 * The forecasts as reports: demand and capacity, revenue, cash flow and the saved forecasts against
 * what happened ({@link SavedForecastReport}). Each carries its fan charts, its month-by-month forecast with 80 % and 95 % bounds,
 * and the backtest that chose the method, so the forecast is shown with the evidence for it.
 */
public final class ForecastReports {
    public static final String DEMAND = "demand";
    public static final String REVENUE = "revenue";
    public static final String CASH_FLOW = "cash-flow";

    private ForecastReports() {}

    /** One forecast month of a series. */
    public record MonthRow(String series, SeriesForecast.Point point) {}

    /** One backtest score of a series. */
    public record ScoreRow(String series, boolean chosen, Backtest.Score score) {}

    /** One data-check finding of a series. */
    public record CheckRow(String series, DataChecks.Finding finding) {}

    /** One month of one capacity forecast. */
    public record CapacityRow(String skill, DemandResult.CapacityMonth month) {}

    /** One week of one skill's capacity. */
    public record CapacityWeekRow(String skill, DemandResult.CapacityWeek week) {}

    /** The words on a forecast for the definitions: its model, why it was chosen, how its bands held. */
    public static List<String> details(SeriesForecast f) {
        List<String> out = new ArrayList<>();
        out.add("Model: " + f.model() + (f.reason() == null ? "." : ". " + f.reason()));
        if (f.calibration().points() > 0) {
            out.add(f.calibration().note());
        }
        if (f.nonNegative()) {
            out.add("Jobs and money cannot go below zero: a forecast or bound below zero is shown as zero.");
        }
        return out;
    }

    /** Demand by service line and the technician hours it needs against capacity. */
    public static Report demand(DemandResult r, OutlookSpec spec) {
        Report.Builder b = Report.builder(DEMAND, "Demand and capacity", r.asOf())
                .spec("Horizon", r.horizonDays() + " days")
                .spec("Method", spec.method().label());
        double jobs = 0;
        double hours = 0;
        for (DemandResult.LineDemand d : r.lines()) {
            jobs += d.windowJobs().mean();
            hours += d.windowHours().mean();
        }
        b.figure(KeyFigure.decimal(
                "jobs", "Jobs expected", jobs, "jobs", 0, "next " + r.horizonDays() + " days, all lines"));
        b.figure(KeyFigure.decimal("hours", "Technician hours", hours, "h", 0, "work and travel they need"));
        long short_ = r.capacity().stream()
                .flatMap(c -> c.months().stream())
                .filter(m -> m.forecast() && m.shortfall())
                .count();
        b.figure(KeyFigure.count(
                        "shortfall-months",
                        "Months short",
                        short_,
                        "",
                        "skill-months needing more hours than there are")
                .judged(short_ > 0 ? Status.WARNING : Status.OK));
        List<MonthRow> months = new ArrayList<>();
        List<ScoreRow> scores = new ArrayList<>();
        List<CheckRow> checks = new ArrayList<>();
        for (DemandResult.LineDemand d : r.lines()) {
            b.chart(
                    "jobs-" + d.line(),
                    d.name() + ": jobs requested per month",
                    () -> ForecastCharts.fan(d.jobs(), d.name() + ": jobs requested per month", "Jobs", false));
            collect(d.name(), d.jobs().forecast(), months, scores, checks);
            details(d.jobs().forecast()).forEach(x -> b.note(d.name() + " — " + x));
        }
        List<CapacityRow> capacity = new ArrayList<>();
        List<CapacityWeekRow> weeks = new ArrayList<>();
        for (DemandResult.Capacity c : r.capacity()) {
            c.weeks().forEach(w -> weeks.add(new CapacityWeekRow(c.name(), w)));
            b.chart(
                    "capacity-" + c.skill(),
                    c.name() + ": hours needed and available",
                    () -> ForecastCharts.capacity(c));
            c.months().forEach(m -> capacity.add(new CapacityRow(c.name(), m)));
        }
        b.table(new ReportTable<>("lines", "Jobs and hours by service line", lineColumns(r.horizonDays()), r.lines()));
        b.table(new ReportTable<>("capacity", "Capacity by skill and month", capacityColumns(), capacity));
        b.table(new ReportTable<>("capacity-weeks", "Capacity by skill and week", capacityWeekColumns(true), weeks));
        b.table(new ReportTable<>("forecast", "Jobs per month, forecast", monthColumns("Jobs", false), months));
        b.table(new ReportTable<>("backtest", "Backtest of the methods", scoreColumns(), scores));
        b.table(new ReportTable<>("data-checks", "Data checks", checkColumns(), checks));
        return b.definitions(r.notes()).build();
    }

    private static void collect(
            String series, SeriesForecast f, List<MonthRow> months, List<ScoreRow> scores, List<CheckRow> checks) {
        f.forecast().forEach(p -> months.add(new MonthRow(series, p)));
        f.backtest()
                .forEach(s -> scores.add(new ScoreRow(series, s.method().key().equals(f.chosen()), s)));
        f.checks().forEach(c -> checks.add(new CheckRow(series, c)));
    }

    /** The weekly capacity's columns; without the skill for a table of one skill. */
    public static List<Column<CapacityWeekRow>> capacityWeekColumns(boolean withSkill) {
        List<Column<CapacityWeekRow>> out = new ArrayList<>();
        if (withSkill) {
            out.add(Column.text("skill", "Skill", "", CapacityWeekRow::skill));
        }
        out.add(Column.date("week", "Week of", "The Monday", w -> w.week().weekStart()));
        out.add(Column.text("kind", "", "Recorded, or forecast", w -> w.week().forecast() ? "forecast" : "recorded"));
        out.add(Column.decimal("needed", "Hours needed", "h", 0, "Work and travel", w -> w.week()
                .neededHours()));
        out.add(Column.decimal("needed-upper-80", "Needed, 80 % high", "h", 0, "", w -> w.week()
                .neededUpper80()));
        out.add(Column.decimal(
                "dedicated", "Dedicated", "h", 0, "Shift hours of technicians with only this skill", w -> w.week()
                        .dedicatedHours()));
        out.add(Column.decimal(
                "shared", "Shared", "h", 0, "Shift hours of technicians who also have other skills", w -> w.week()
                        .sharedHours()));
        out.add(Column.percent(
                "utilisation", "Load", "Needed ÷ all available", w -> w.week().utilisation()));
        out.add(Column.text(
                "short",
                "Short",
                "The 80 % high bound above all available",
                w -> w.week().shortfall() ? "yes" : ""));
        return out;
    }

    private static List<Column<DemandResult.LineDemand>> lineColumns(int days) {
        return List.of(
                Column.text("line", "Service line", "", DemandResult.LineDemand::name),
                Column.decimal(
                        "jobs", "Jobs", "jobs", 0, "Jobs expected in the next " + days + " days", d -> d.windowJobs()
                                .mean()),
                Column.decimal(
                        "jobs-lower-80",
                        "Jobs, 80 % low",
                        "jobs",
                        0,
                        "The 80 % interval's lower bound",
                        d -> d.windowJobs().lower80()),
                Column.decimal(
                        "jobs-upper-80",
                        "Jobs, 80 % high",
                        "jobs",
                        0,
                        "The 80 % interval's upper bound",
                        d -> d.windowJobs().upper80()),
                Column.decimal("hours", "Hours", "h", 0, "Work and travel hours the jobs need", d -> d.windowHours()
                        .mean()),
                Column.decimal(
                        "hours-per-job",
                        "Hours per job",
                        "h",
                        2,
                        "Mean actual hours of a completed job",
                        DemandResult.LineDemand::hoursPerJob),
                Column.decimal(
                        "travel-per-job",
                        "Travel per job",
                        "h",
                        2,
                        "Mean travel hours of a completed job",
                        DemandResult.LineDemand::travelHoursPerJob));
    }

    private static List<Column<CapacityRow>> capacityColumns() {
        return List.of(
                Column.text("skill", "Skill", "", CapacityRow::skill),
                Column.text("month", "Month", "", c -> c.month().period()),
                Column.text(
                        "kind", "Kind", "Past month or forecast", c -> c.month().forecast() ? "forecast" : "actual"),
                Column.decimal(
                        "needed", "Hours needed", "h", 0, "Work and travel hours of the skill's jobs", c -> c.month()
                                .neededHours()),
                Column.decimal("needed-upper-80", "Needed, 80 % high", "h", 0, "", c -> c.month()
                        .neededUpper80()),
                Column.decimal(
                        "dedicated",
                        "Dedicated hours",
                        "h",
                        0,
                        "Hours of technicians with only this skill",
                        c -> c.month().dedicatedHours()),
                Column.decimal(
                        "shared",
                        "Shared hours",
                        "h",
                        0,
                        "Hours of technicians shared with other skills",
                        c -> c.month().sharedHours()),
                Column.percent("utilisation", "Utilisation", "Hours needed ÷ hours available", c -> c.month()
                        .utilisation()),
                Column.text(
                        "shortfall",
                        "Short",
                        "More hours needed than available",
                        c -> c.month().shortfall() ? "yes" : ""));
    }

    /** A forecast's months with their bounds; money or a count. */
    private static List<Column<MonthRow>> monthColumns(String what, boolean money) {
        return List.of(
                Column.text("series", "Series", "", MonthRow::series),
                Column.text("month", "Month", "", m -> m.point().period()),
                money
                        ? Column.wholeMoney("mean", what, "The forecast's mean", m -> m.point()
                                .mean())
                        : Column.decimal("mean", what, "", 1, "The forecast's mean", m -> m.point()
                                .mean()),
                bound("lower-80", "80 % low", money, m -> m.point().lower().get("80")),
                bound("upper-80", "80 % high", money, m -> m.point().upper().get("80")),
                bound("lower-95", "95 % low", money, m -> m.point().lower().get("95")),
                bound("upper-95", "95 % high", money, m -> m.point().upper().get("95")));
    }

    private static Column<MonthRow> bound(
            String key, String title, boolean money, java.util.function.Function<MonthRow, Double> v) {
        return money ? Column.wholeMoney(key, title, "", v) : Column.decimal(key, title, "", 1, "", v);
    }

    /** The backtest's columns, on screen and in files. */
    public static List<Column<Backtest.Score>> backtestColumns() {
        return List.of(
                Column.text("method", "Method", "The forecasting method", s -> s.method()
                        .label()),
                Column.decimal(
                        "mase",
                        "MASE",
                        "",
                        3,
                        "Mean absolute error ÷ the seasonal naive method's in-sample error",
                        s -> s.usable() ? s.mase() : null),
                Column.percent(
                        "smape",
                        "sMAPE",
                        "Symmetric mean absolute percentage error",
                        s -> s.usable() ? s.smape() : null),
                Column.decimal("mae", "MAE", "", 1, "Mean absolute error", s -> s.usable() ? s.mae() : null),
                Column.decimal("rmse", "RMSE", "", 1, "Root mean squared error", s -> s.usable() ? s.rmse() : null),
                Column.percent(
                        "coverage-80",
                        "In 80 %",
                        "Share of actuals inside the 80 % interval",
                        s -> s.usable() ? s.coverage80() : null),
                Column.percent(
                        "coverage-95",
                        "In 95 %",
                        "Share of actuals inside the 95 % interval",
                        s -> s.usable() ? s.coverage95() : null),
                Column.text(
                        "problem",
                        "Problem",
                        "Why the method could not be scored",
                        s -> s.problem() == null ? "" : s.problem()));
    }

    private static List<Column<ScoreRow>> scoreColumns() {
        List<Column<ScoreRow>> out = new ArrayList<>();
        out.add(Column.text("series", "Series", "", ScoreRow::series));
        for (Column<Backtest.Score> c : backtestColumns()) {
            out.add(new Column<>(
                    c.key(), c.title(), c.type(), c.unit(), c.description(), c.decimals(), r -> c.cell(r.score())));
        }
        out.add(Column.text("chosen", "Chosen", "The method the forecast uses", r -> r.chosen() ? "yes" : ""));
        return out;
    }

    private static List<Column<CheckRow>> checkColumns() {
        return List.of(
                Column.text("series", "Series", "", CheckRow::series),
                Column.text("finding", "Finding", "", c -> c.finding().finding()),
                Column.text("policy", "What was done", "", c -> c.finding().policy()),
                Column.text(
                        "periods",
                        "Months",
                        "",
                        c -> String.join(", ", c.finding().periods())));
    }

    /** Revenue of jobs and pipeline over the next windows. */
    public static Report revenue(RevenueResult r, OutlookSpec spec) {
        Report.Builder b = Report.builder(REVENUE, "Revenue forecast", r.asOf())
                .spec("Horizon", r.horizonDays() + " days")
                .spec("Method", spec.method().label());
        for (RevenueResult.Window w : r.windows()) {
            b.figure(KeyFigure.money(
                    "total-" + w.days(),
                    "Next " + w.days() + " days",
                    w.total().mean(),
                    String.format(
                            java.util.Locale.ROOT,
                            "80 %%: %,.0f – %,.0f",
                            w.total().lower80(),
                            w.total().upper80())));
        }
        if (r.overdue().deals() > 0) {
            b.figure(KeyFigure.money(
                            "overdue",
                            "Overdue deals",
                            r.overdue().value(),
                            r.overdue().deals() + " deals past their close date, in no window")
                    .judged(Status.WARNING));
        }
        b.chart(
                "revenue",
                "Revenue of completed jobs per month",
                () -> ForecastCharts.fan(r.jobRevenue(), "Revenue of completed jobs per month", "Revenue", true));
        if (!r.stages().isEmpty()) {
            b.chart("pipeline", "Pipeline by stage", () -> ForecastCharts.pipeline(r));
        }
        List<MonthRow> months = new ArrayList<>();
        List<ScoreRow> scores = new ArrayList<>();
        List<CheckRow> checks = new ArrayList<>();
        collect("Job revenue", r.jobRevenue().forecast(), months, scores, checks);
        b.table(new ReportTable<>("windows", "Revenue by window", windowColumns(), r.windows()));
        b.table(new ReportTable<>("stages", "Pipeline by stage", stageColumns(), r.stages()));
        b.table(new ReportTable<>("booked", "Booked work by line", lineRateColumns(), r.lines()));
        b.table(new ReportTable<>("forecast", "Revenue per month, forecast", monthColumns("Revenue", true), months));
        b.table(new ReportTable<>("backtest", "Backtest of the methods", scoreColumns(), scores));
        details(r.jobRevenue().forecast()).forEach(b::note);
        return b.definitions(r.notes()).build();
    }

    /** The revenue windows' columns. */
    public static List<Column<RevenueResult.Window>> windowColumns() {
        return List.of(
                Column.text("window", "Next", "", w -> w.days() + " days"),
                Column.wholeMoney("jobs", "Job revenue", "Revenue of jobs, forecast", w -> w.jobs()
                        .mean()),
                Column.wholeMoney(
                        "jobs-lower-80", "Jobs, 80 % low", "", w -> w.jobs().lower80()),
                Column.wholeMoney(
                        "jobs-upper-80", "Jobs, 80 % high", "", w -> w.jobs().upper80()),
                Column.wholeMoney("booked", "of which booked", "Scheduled jobs' value", RevenueResult.Window::booked),
                Column.wholeMoney(
                        "pipeline", "Pipeline", "Open deals' value × win rate, by close date", w -> w.pipeline()
                                .mean()),
                Column.wholeMoney(
                        "total", "Total", "Jobs and pipeline", w -> w.total().mean()),
                Column.wholeMoney(
                        "total-lower-80", "Total, 80 % low", "", w -> w.total().lower80()),
                Column.wholeMoney(
                        "total-upper-80", "Total, 80 % high", "", w -> w.total().upper80()),
                Column.wholeMoney(
                        "total-lower-95", "Total, 95 % low", "", w -> w.total().lower95()),
                Column.wholeMoney(
                        "total-upper-95", "Total, 95 % high", "", w -> w.total().upper95()));
    }

    /** The pipeline stages' columns. */
    public static List<Column<RevenueResult.StageValue>> stageColumns() {
        return List.of(
                Column.text("stage", "Stage", "", RevenueResult.StageValue::stage),
                Column.integer(
                        "closed-deals",
                        "Closed deals",
                        "",
                        "Deals that passed the stage and closed",
                        RevenueResult.StageValue::closedDeals),
                Column.integer("won", "Won", "", "Of them won", RevenueResult.StageValue::won),
                Column.percent(
                        "win-rate",
                        "Win rate",
                        "Won ÷ closed; marked (overall) where the stage has too few closed deals and the pooled rate"
                                + " is used",
                        v -> v.ownRate() ? v.winRate() : new quant.core.report.Marked(v.winRate(), " (overall)")),
                Column.integer(
                        "open-deals", "Open deals", "", "Deals now at the stage", RevenueResult.StageValue::openDeals),
                Column.wholeMoney("open-value", "Open value", "Their value", RevenueResult.StageValue::openValue),
                Column.wholeMoney(
                        "weighted", "Weighted", "Open value × win rate", RevenueResult.StageValue::weightedValue));
    }

    /** The booked work's columns. */
    public static List<Column<RevenueResult.LineRate>> lineRateColumns() {
        return List.of(
                Column.text("line", "Line", "", RevenueResult.LineRate::name),
                Column.money(
                        "revenue-per-hour",
                        "Revenue per estimated hour",
                        "From the line's completed jobs",
                        RevenueResult.LineRate::revenuePerHour),
                Column.integer(
                        "scheduled-jobs",
                        "Scheduled jobs",
                        "",
                        "Jobs booked ahead",
                        RevenueResult.LineRate::scheduledJobs),
                Column.wholeMoney(
                        "booked-value",
                        "Booked value",
                        "Their estimated hours × the line's rate",
                        RevenueResult.LineRate::bookedValue));
    }

    /** Cash in and out week by week, the balance where an opening balance is set, open invoices by age. */
    public static Report cashFlow(CashFlowResult r, CashFlowSpec spec) {
        Report.Builder b = Report.builder(CASH_FLOW, "Cash flow", r.asOf())
                .spec("Horizon", r.horizonDays() + " days")
                .spec(
                        "Opening cash",
                        r.hasBalance() ? String.format(java.util.Locale.ROOT, "%,.2f", r.openingCash()) : "not set");
        CashFlowResult.Flows t = r.totals();
        b.figure(KeyFigure.money(
                "cash-in",
                "Cash in",
                t.collectionsOpen() + t.collectionsForecast(),
                "next " + r.horizonDays() + " days"));
        b.figure(KeyFigure.money(
                "cash-out",
                "Cash out",
                t.jobCosts() + t.fixedExpenses() + t.variableExpenses() + t.marketing(),
                "costs, overheads, marketing"));
        b.figure(KeyFigure.money("net", "Net", t.net(), "in − out"));
        if (r.hasBalance()) {
            b.figure(
                    r.lowCashDate() == null
                            ? KeyFigure.text("low-cash", "Low cash", "none", "balance stays above 30 days of outflows")
                                    .judged(Status.OK)
                            : KeyFigure.text(
                                            "low-cash",
                                            "Low cash from",
                                            r.lowCashDate(),
                                            r.lowCashDays() + " of " + r.horizonDays()
                                                    + " days below 30 days of outflows")
                                    .judged(Status.WARNING));
        }
        CashFlowResult.OpenInvoices o = r.openInvoices();
        b.figure(KeyFigure.money("doubtful", "Doubtful receivables", o.doubtful(), "older than any invoice ever paid")
                .judged(o.doubtful() > 0 ? Status.WARNING : Status.OK));
        b.chart("cash-flow", "Cash flow by week", () -> ForecastCharts.cashFlow(r));
        b.table(new ReportTable<>("weeks", "Week by week", weekColumns(r.hasBalance()), r.weeks()));
        b.table(new ReportTable<>(
                "doubtful",
                "Doubtful invoices by days past due",
                ageColumns(),
                o.doubtfulByAge().stream().filter(a -> a.count() > 0).toList()));
        b.note(String.format(
                java.util.Locale.ROOT,
                "%,d open invoices owe %,.2f: %,.2f is expected within %d days, %,.2f later, and %,.2f is doubtful — older"
                        + " than any invoice ever paid, so the cash flow counts none of it.",
                o.count(),
                o.outstanding(),
                o.expected(),
                r.horizonDays(),
                o.later(),
                o.doubtful()));
        return b.definitions(r.notes()).build();
    }

    /** The weeks' columns: the balance and its 80 % range with an opening balance, the cumulative net without. */
    public static List<Column<CashFlowResult.Week>> weekColumns(boolean balance) {
        List<Column<CashFlowResult.Week>> out = new ArrayList<>(List.of(
                Column.text("week", "Week", "", w -> w.start() + " – " + w.end().substring(5)),
                Column.wholeMoney(
                        "open-invoices",
                        "Open invoices",
                        "Collections of invoices open at the as-of date",
                        w -> w.flows().collectionsOpen()),
                Column.wholeMoney(
                        "new-revenue", "New revenue", "Collections of revenue still to be earned", w -> w.flows()
                                .collectionsForecast()),
                Column.wholeMoney("job-costs", "Job costs", "Labour, material and equipment of the jobs", w -> w.flows()
                        .jobCosts()),
                Column.wholeMoney(
                        "overheads",
                        "Overheads",
                        "Fixed and variable expenses",
                        w -> w.flows().fixedExpenses() + w.flows().variableExpenses()),
                Column.wholeMoney("marketing", "Marketing", "Marketing spend", w -> w.flows()
                        .marketing()),
                Column.wholeMoney("net", "Net", "In − out", w -> w.flows().net())));
        if (balance) {
            out.add(Column.wholeMoney("balance", "Balance", "Cash at the week's end", CashFlowResult.Week::balance));
            out.add(Column.wholeMoney(
                    "balance-lower-80", "Balance, 80 % low", "", CashFlowResult.Week::balanceLower80));
            out.add(Column.wholeMoney(
                    "balance-upper-80", "Balance, 80 % high", "", CashFlowResult.Week::balanceUpper80));
        } else {
            out.add(Column.wholeMoney(
                    "cumulative-net", "Cumulative net", "Net from the as-of date", CashFlowResult.Week::cumulativeNet));
        }
        return out;
    }

    /** The doubtful invoices' columns. */
    public static List<Column<CashFlowResult.AgeBand>> ageColumns() {
        return List.of(
                Column.text("past-due", "Past due", "", CashFlowResult.AgeBand::label),
                Column.integer(
                        "invoices", "Invoices", "", "Open invoices this far past due", CashFlowResult.AgeBand::count),
                Column.wholeMoney("owed", "Owed", "What they still owe", CashFlowResult.AgeBand::amount));
    }
}
