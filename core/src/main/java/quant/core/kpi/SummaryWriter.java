package quant.core.kpi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import quant.core.analysis.Snapshot;
import quant.core.churn.ChurnRiskResult;
import quant.core.equipment.EquipmentResult;
import quant.core.forecast.business.RevenueResult;
import quant.core.pipeline.PipelineResult;

/**
 * The summary in words, composed from the numbers: the period's revenue against last year and its
 * target; what moved it most (the service line, and the city, channel or technician with the largest
 * part of the change, {@link Drivers}); the KPI that moved most besides; what is off target and, for
 * callbacks and receivables, where it comes from; what the revenue forecast expects; and three
 * actions — the churn call list, the stalled deals, the services due. Each sentence names the view
 * that explains it. A part the data cannot support is left out, not filled with a blank.
 */
public final class SummaryWriter {
    /** Off-target KPIs given a sentence each; the rest are named together. */
    static final int SPELLED_OUT = 3;

    /** Days ahead within which a suggested service counts as due. */
    static final int SERVICE_DAYS = 30;

    private SummaryWriter() {}

    public static SummaryResult write(KpiResult kpis, Snapshot s, Outlooks outlooks) {
        List<SummaryResult.Sentence> out = new ArrayList<>();
        String cur = kpis.currency();
        Window now = kpis.window();
        Window before = now.yearEarlier();
        KpiValue revenue = kpis.kpi(Kpi.REVENUE);
        headline(out, revenue, now, cur);
        movers(out, s, revenue, now, before, cur);
        otherMover(out, kpis, cur);
        offTarget(out, kpis, s, now, before, cur);
        outlooks.revenue().ifPresent(r -> forecast(out, r, cur));
        outlooks.churn().ifPresent(c -> churn(out, c, cur));
        outlooks.pipeline().ifPresent(p -> stalled(out, p, cur));
        outlooks.equipment().ifPresent(e -> services(out, e, kpis));
        return new SummaryResult(kpis.asOf(), kpis.period() + " " + now.label(), out, outlooks.notes());
    }

    static void headline(List<SummaryResult.Sentence> out, KpiValue revenue, Window now, String cur) {
        if (revenue.value() == null) {
            return;
        }
        StringBuilder b = new StringBuilder("Revenue for ")
                .append(now.label())
                .append(now.complete() ? "" : " to " + now.to())
                .append(" was ")
                .append(KpiUnit.MONEY.format(revenue.value(), cur));
        if (revenue.change() != null) {
            b.append(", ")
                    .append(percent(Math.abs(revenue.change())))
                    .append(revenue.change() >= 0 ? " up on" : " down on")
                    .append(" the same days a year earlier (")
                    .append(KpiUnit.MONEY.format(revenue.comparison(), cur))
                    .append(")");
        }
        if (revenue.target() != null && revenue.target() > 0) {
            double off = revenue.value() / revenue.target() - 1;
            b.append(revenue.change() != null ? ", and " : ", ")
                    .append(percent(Math.abs(off)))
                    .append(off >= 0 ? " above" : " below")
                    .append(" its target of ")
                    .append(KpiUnit.MONEY.format(revenue.target(), cur));
        }
        out.add(new SummaryResult.Sentence("headline", b.append('.').toString(), Kpi.REVENUE.analysis()));
    }

    static void movers(
            List<SummaryResult.Sentence> out, Snapshot s, KpiValue revenue, Window now, Window before, String cur) {
        if (revenue.value() == null || revenue.comparison() == null) {
            return;
        }
        double total = revenue.value() - revenue.comparison();
        if (total == 0) {
            return;
        }
        List<Drivers.Part> parts = Drivers.revenue(s, now, before);
        List<Drivers.Part> lines = parts.stream()
                .filter(p -> p.dimension().equals("service line") && Math.signum(p.change()) == Math.signum(total))
                .toList();
        if (!lines.isEmpty()) {
            Drivers.Part top = lines.getFirst();
            StringBuilder b = new StringBuilder("The ")
                    .append(total > 0 ? "rise" : "fall")
                    .append(" of ")
                    .append(signed(total, cur))
                    .append(" came most from ")
                    .append(top.group())
                    .append(" (")
                    .append(signed(top.change(), cur))
                    .append(")");
            if (lines.size() > 1) {
                b.append(", then ")
                        .append(lines.get(1).group())
                        .append(" (")
                        .append(signed(lines.get(1).change(), cur))
                        .append(")");
            }
            out.add(new SummaryResult.Sentence("movers", b.append('.').toString(), "profitability"));
        }
        parts.stream()
                .filter(p -> !p.dimension().equals("service line"))
                .max(Comparator.comparingDouble(p -> Math.abs(p.change())))
                .filter(p -> Math.abs(p.change()) >= 0.1 * Math.abs(total))
                .ifPresent(p -> out.add(new SummaryResult.Sentence(
                        "movers",
                        "Of the " + plural(p.dimension()) + ", " + p.group() + " moved revenue most: "
                                + KpiUnit.MONEY.format(p.now(), cur) + " against "
                                + KpiUnit.MONEY.format(p.before(), cur) + " a year earlier.",
                        p.dimension().equals("technician") ? "technicians" : "profitability")));
    }

    static void otherMover(List<SummaryResult.Sentence> out, KpiResult kpis, String cur) {
        kpis.kpis().stream()
                .filter(v -> v.kpi() != Kpi.REVENUE && v.change() != null && v.value() != null)
                .max(Comparator.comparingDouble(v -> Math.abs(v.change())))
                .ifPresent(v -> {
                    Kpi k = v.kpi();
                    boolean better = (v.change() > 0) == k.higherIsBetter();
                    out.add(new SummaryResult.Sentence(
                            "movers",
                            "Of the other KPIs, " + lower(k.title()) + " moved most, "
                                    + (better ? "for the better" : "for the worse") + ": "
                                    + k.unit().format(v.value(), cur) + " against "
                                    + k.unit().format(v.comparison(), cur) + " a year earlier.",
                            k.analysis()));
                });
    }

    static void offTarget(
            List<SummaryResult.Sentence> out, KpiResult kpis, Snapshot s, Window now, Window before, String cur) {
        List<KpiValue> critical = kpis.kpis().stream()
                .filter(v -> v.level() == KpiStatus.CRITICAL)
                .toList();
        List<KpiValue> warning =
                kpis.kpis().stream().filter(v -> v.level() == KpiStatus.WARNING).toList();
        if (critical.isEmpty() && warning.isEmpty()) {
            long judged = kpis.kpis().stream()
                    .filter(v -> v.level() != KpiStatus.NONE)
                    .count();
            if (judged > 0) {
                out.add(new SummaryResult.Sentence(
                        "off-target",
                        "All " + judged + " KPIs judged for " + now.label() + " are on track.",
                        Kpi.REVENUE.analysis()));
            }
            return;
        }
        for (int i = 0; i < Math.min(SPELLED_OUT, critical.size()); i++) {
            out.add(offTargetSentence(critical.get(i), "is critical", cur));
        }
        if (critical.size() > SPELLED_OUT) {
            out.add(new SummaryResult.Sentence(
                    "off-target",
                    "Also critical: " + names(critical.subList(SPELLED_OUT, critical.size())) + ".",
                    critical.get(SPELLED_OUT).kpi().analysis()));
        }
        int room = Math.max(0, SPELLED_OUT - critical.size());
        for (int i = 0; i < Math.min(room, warning.size()); i++) {
            out.add(offTargetSentence(warning.get(i), "is at its warning level", cur));
        }
        if (warning.size() > room) {
            List<KpiValue> rest = warning.subList(room, warning.size());
            out.add(new SummaryResult.Sentence(
                    "off-target",
                    (room == 0 ? "At a warning: " : "Also at a warning: ") + names(rest) + ".",
                    rest.getFirst().kpi().analysis()));
        }
        List<KpiValue> off = new ArrayList<>(critical);
        off.addAll(warning);
        if (off.stream().anyMatch(v -> v.kpi() == Kpi.CALLBACK_RATE || v.kpi() == Kpi.FIRST_TIME_FIX)) {
            callbacksWhy(out, s, now, before);
        }
        if (off.stream().anyMatch(v -> v.kpi() == Kpi.DSO || v.kpi() == Kpi.RECEIVABLES_OVER_60)) {
            receivablesWhy(out, s, now, before, cur);
        }
    }

    static SummaryResult.Sentence offTargetSentence(KpiValue v, String how, String cur) {
        Kpi k = v.kpi();
        StringBuilder b = new StringBuilder(capital(k.title()))
                .append(' ')
                .append(how)
                .append(": ")
                .append(k.unit().format(v.value(), cur));
        if ("target".equals(v.basis())) {
            b.append(" against a target of ").append(k.unit().format(v.target(), cur));
        } else {
            b.append(", ")
                    .append(percent(Math.abs(v.change())))
                    .append(v.change() > 0 ? " above" : " below")
                    .append(" the same days a year earlier (")
                    .append(k.unit().format(v.comparison(), cur))
                    .append(")");
        }
        return new SummaryResult.Sentence("off-target", b.append('.').toString(), k.analysis());
    }

    static void callbacksWhy(List<SummaryResult.Sentence> out, Snapshot s, Window now, Window before) {
        List<Drivers.Part> parts = Drivers.callbacks(s, now, before);
        Optional<Drivers.Part> line = parts.stream()
                .filter(p -> p.dimension().equals("service line") && p.change() > 0)
                .findFirst();
        Optional<Drivers.Part> tech = parts.stream()
                .filter(p -> p.dimension().equals("technician") && p.change() > 0)
                .findFirst();
        if (line.isEmpty()) {
            return;
        }
        Drivers.Part l = line.get();
        StringBuilder b = new StringBuilder("Callbacks rose most in ")
                .append(l.group())
                .append(" (")
                .append(count(l.now()))
                .append(" against ")
                .append(count(l.before()))
                .append(" a year earlier)");
        tech.ifPresent(t -> b.append("; ")
                .append(count(t.now()))
                .append(t.now() == 1 ? " went back to a job of " : " went back to jobs of ")
                .append(t.group())
                .append(" (")
                .append(count(t.before()))
                .append(" a year earlier)"));
        out.add(new SummaryResult.Sentence("off-target", b.append('.').toString(), "technicians"));
    }

    static void receivablesWhy(List<SummaryResult.Sentence> out, Snapshot s, Window now, Window before, String cur) {
        List<Drivers.Part> parts = Drivers.receivables(s, now, before);
        List<Drivers.Part> rising = parts.stream().filter(p -> p.change() > 0).toList();
        if (rising.isEmpty()) {
            return;
        }
        double total = parts.stream().mapToDouble(Drivers.Part::now).sum();
        double then = parts.stream().mapToDouble(Drivers.Part::before).sum();
        Drivers.Part top = rising.getFirst();
        out.add(new SummaryResult.Sentence(
                "off-target",
                "Open receivables stand at " + KpiUnit.MONEY.format(total, cur) + " against "
                        + KpiUnit.MONEY.format(then, cur) + " a year earlier; " + rising.size() + " customer"
                        + (rising.size() == 1 ? " owes" : "s owe") + " more than then, the most " + top.group()
                        + " (" + KpiUnit.MONEY.format(top.now(), cur) + " against "
                        + KpiUnit.MONEY.format(top.before(), cur) + ").",
                "receivables"));
    }

    static void forecast(List<SummaryResult.Sentence> out, RevenueResult r, String cur) {
        Optional<RevenueResult.Window> month =
                r.windows().stream().filter(w -> w.days() == 30).findFirst();
        Optional<RevenueResult.Window> quarter =
                r.windows().stream().filter(w -> w.days() == 90).findFirst();
        if (month.isEmpty()) {
            return;
        }
        var m = month.get().total();
        StringBuilder b = new StringBuilder("The revenue forecast expects ")
                .append(KpiUnit.MONEY.format(m.mean(), cur))
                .append(" in the next 30 days (80 % between ")
                .append(KpiUnit.MONEY.format(m.lower80(), cur))
                .append(" and ")
                .append(KpiUnit.MONEY.format(m.upper80(), cur))
                .append(")");
        quarter.ifPresent(q -> b.append(" and ")
                .append(KpiUnit.MONEY.format(q.total().mean(), cur))
                .append(" in the next 90"));
        b.append(", booked work and weighted deals included.");
        out.add(new SummaryResult.Sentence("forecast", b.toString(), "revenue"));
    }

    static void churn(List<SummaryResult.Sentence> out, ChurnRiskResult c, String cur) {
        List<ChurnRiskResult.CustomerRisk> high =
                c.customers().stream().filter(x -> "high".equals(x.level())).toList();
        if (high.isEmpty()) {
            out.add(new SummaryResult.Sentence("action", "No active customer is at high churn risk.", "churn-risk"));
            return;
        }
        double atRisk = high.stream()
                .mapToDouble(ChurnRiskResult.CustomerRisk::valueAtRisk)
                .sum();
        ChurnRiskResult.CustomerRisk first = high.stream()
                .max(Comparator.comparingDouble(ChurnRiskResult.CustomerRisk::valueAtRisk))
                .orElseThrow();
        out.add(new SummaryResult.Sentence(
                "action",
                "Call the " + high.size() + " customer" + (high.size() == 1 ? "" : "s") + " at high churn risk ("
                        + KpiUnit.MONEY.format(atRisk, cur) + " of margin at risk), first " + first.name() + " ("
                        + percent(first.churnProbability()) + " likely to leave"
                        + (first.reasons().isEmpty()
                                ? ""
                                : ": " + first.reasons().getFirst()) + ").",
                "churn-risk"));
    }

    static void stalled(List<SummaryResult.Sentence> out, PipelineResult p, String cur) {
        List<PipelineResult.OpenDeal> stalled =
                p.openDeals().stream().filter(PipelineResult.OpenDeal::stalled).toList();
        if (stalled.isEmpty()) {
            out.add(new SummaryResult.Sentence("action", "No open deal has stalled.", "pipeline"));
            return;
        }
        double value =
                stalled.stream().mapToDouble(PipelineResult.OpenDeal::amount).sum();
        PipelineResult.OpenDeal first = stalled.stream()
                .max(Comparator.comparingDouble(PipelineResult.OpenDeal::amount))
                .orElseThrow();
        out.add(new SummaryResult.Sentence(
                "action",
                "Move the " + stalled.size() + " stalled deal" + (stalled.size() == 1 ? "" : "s") + " worth "
                        + KpiUnit.MONEY.format(value, cur) + ", first " + first.ref()
                        + (first.customer() == null ? "" : " for " + first.customer()) + " ("
                        + KpiUnit.MONEY.format(first.amount(), cur) + ", "
                        + String.format(Locale.ROOT, "%.0f", first.daysInStage()) + " days in "
                        + first.stage().replace('_', ' ') + ").",
                "pipeline"));
    }

    static void services(List<SummaryResult.Sentence> out, EquipmentResult e, KpiResult kpis) {
        java.time.LocalDate by = kpis.asOf().date().plusDays(SERVICE_DAYS);
        List<EquipmentResult.Asset> due = e.assets().stream()
                .filter(a -> a.retired() == null
                        && a.suggestedService() != null
                        && !a.suggestedService().isAfter(by))
                .sorted(Comparator.comparingDouble(EquipmentResult.Asset::risk30)
                        .reversed())
                .toList();
        if (due.isEmpty()) {
            out.add(new SummaryResult.Sentence(
                    "action",
                    "No van or machine is due a service in the next " + SERVICE_DAYS + " days.",
                    "equipment"));
            return;
        }
        EquipmentResult.Asset first = due.getFirst();
        out.add(new SummaryResult.Sentence(
                "action",
                "Service " + due.size() + " asset" + (due.size() == 1 ? "" : "s") + " within " + SERVICE_DAYS
                        + " days, first " + first.ref() + " " + first.name() + " ("
                        + percent(first.risk30()) + " chance of failing within 30 days).",
                "equipment"));
    }

    /** "DSO, win rate and pipeline coverage". */
    static String names(List<KpiValue> values) {
        List<String> n = values.stream().map(v -> lower(v.kpi().title())).toList();
        return n.size() == 1 ? n.getFirst() : String.join(", ", n.subList(0, n.size() - 1)) + " and " + n.getLast();
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * share);
    }

    static String signed(double v, String cur) {
        return (v >= 0 ? "+" : "−") + KpiUnit.MONEY.format(Math.abs(v), cur);
    }

    static String count(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    static String plural(String dimension) {
        return switch (dimension) {
            case "city" -> "cities";
            default -> dimension + "s";
        };
    }

    static String lower(String title) {
        return title.equals("DSO") || title.startsWith("LTV") || title.startsWith("CAC")
                ? title
                : Character.toLowerCase(title.charAt(0)) + title.substring(1);
    }

    static String capital(String title) {
        return Character.toUpperCase(title.charAt(0)) + title.substring(1);
    }
}
