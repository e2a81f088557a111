package quant.core.kpi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import quant.core.analysis.Codes;
import quant.core.analysis.Snapshot;
import quant.core.finance.ReceivablesAnalysis;

/**
 * What lies behind a KPI's change: a sum split by a dimension (service line, city, acquisition
 * channel, technician, customer) over the current window and the comparison window, so the groups
 * that moved it most can be named. Each group's change is its sum now − its sum then; the groups'
 * changes add up to the total change.
 */
public final class Drivers {
    private Drivers() {}

    /** One group's part of a change. */
    public record Part(String dimension, String group, double now, double before, double change) {}

    /** A dimension a job can be grouped by. */
    enum Dimension {
        LINE("service line"),
        CITY("city"),
        CHANNEL("acquisition channel"),
        TECHNICIAN("technician");

        final String words;

        Dimension(String words) {
            this.words = words;
        }
    }

    /** Revenue of completed jobs by each dimension, largest change first within each. */
    static List<Part> revenue(Snapshot s, Window now, Window before) {
        List<Part> out = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            out.addAll(revenueBy(s, d, now, before));
        }
        return out;
    }

    /**
     * Callback visits completed, by the service line and the technician of the job they went back to
     * (whose work came back), not of the visit itself.
     */
    static List<Part> callbacks(Snapshot s, Window now, Window before) {
        Snapshot.Jobs jobs = s.jobs();
        List<Part> out = new ArrayList<>();
        for (Dimension d : new Dimension[] {Dimension.LINE, Dimension.TECHNICIAN}) {
            List<String> names = names(s, d);
            double[] a = new double[names.size()];
            double[] b = new double[names.size()];
            for (int j = 0; j < jobs.size(); j++) {
                if (!jobs.isCompleted(j) || !jobs.isCallback(j)) {
                    continue;
                }
                int g = group(s, d, jobs.callbackOf(j));
                if (g < 0) {
                    continue;
                }
                if (now.contains(jobs.completedDay(j))) {
                    a[g]++;
                } else if (before.contains(jobs.completedDay(j))) {
                    b[g]++;
                }
            }
            out.addAll(parts(d.words, names, a, b));
        }
        return out;
    }

    private static List<Part> revenueBy(Snapshot s, Dimension d, Window now, Window before) {
        Snapshot.Jobs jobs = s.jobs();
        List<String> names = names(s, d);
        double[] a = new double[names.size()];
        double[] b = new double[names.size()];
        for (int j = 0; j < jobs.size(); j++) {
            if (!jobs.isCompleted(j)) {
                continue;
            }
            int g = group(s, d, j);
            if (g < 0) {
                continue;
            }
            double v = jobs.revenue(j);
            if (now.contains(jobs.completedDay(j))) {
                a[g] += v;
            } else if (before.contains(jobs.completedDay(j))) {
                b[g] += v;
            }
        }
        return parts(d.words, names, a, b);
    }

    /** Open receivables by customer at the end of each window. */
    static List<Part> receivables(Snapshot s, Window now, Window before) {
        Snapshot.Invoices inv = s.invoices();
        ReceivablesAnalysis.Ledger ledger = ReceivablesAnalysis.Ledger.of(inv);
        int n = s.customers().size();
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < inv.size(); i++) {
            int c = inv.customer(i);
            if (c < 0 || inv.status(i) == Snapshot.Invoices.VOID) {
                continue;
            }
            if (inv.issuedDay(i) <= now.toDay()) {
                a[c] += Math.max(0, inv.amount(i) - ledger.paidBy(i, now.toDay()));
            }
            if (inv.issuedDay(i) <= before.toDay()) {
                b[c] += Math.max(0, inv.amount(i) - ledger.paidBy(i, before.toDay()));
            }
        }
        List<Part> out = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            if (a[c] != 0 || b[c] != 0) {
                out.add(new Part("customer", s.customers().name(c), a[c], b[c], a[c] - b[c]));
            }
        }
        out.sort(Comparator.comparingDouble((Part p) -> -Math.abs(p.change())));
        return out;
    }

    private static List<Part> parts(String dimension, List<String> names, double[] a, double[] b) {
        List<Part> out = new ArrayList<>();
        for (int g = 0; g < a.length; g++) {
            if (a[g] != 0 || b[g] != 0) {
                out.add(new Part(dimension, names.get(g), a[g], b[g], a[g] - b[g]));
            }
        }
        out.sort(Comparator.comparingDouble((Part p) -> -Math.abs(p.change())));
        return out;
    }

    private static List<String> names(Snapshot s, Dimension d) {
        return switch (d) {
            case LINE -> labels(s.serviceLines());
            case CITY -> labels(s.customers().cities());
            case CHANNEL -> labels(s.customers().channels());
            case TECHNICIAN -> {
                List<String> names = new ArrayList<>();
                for (int i = 0; i < s.technicians().size(); i++) {
                    names.add(s.technicians().name(i));
                }
                yield names;
            }
        };
    }

    private static List<String> labels(Codes codes) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < codes.size(); c++) {
            out.add(codes.label(c));
        }
        return out;
    }

    private static int group(Snapshot s, Dimension d, int j) {
        Snapshot.Jobs jobs = s.jobs();
        return switch (d) {
            case LINE -> jobs.serviceLine(j);
            case CITY -> jobs.customer(j) < 0 ? -1 : s.customers().city(jobs.customer(j));
            case CHANNEL -> jobs.customer(j) < 0 ? -1 : s.customers().channel(jobs.customer(j));
            case TECHNICIAN -> jobs.technician(j);
        };
    }
}
