package quant.samples;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import quant.core.analysis.Operations;
import quant.core.analysis.Part;
import quant.core.analysis.Snapshot;
import quant.core.analysis.SnapshotLoader;
import quant.core.forecast.Method;
import quant.core.forecast.business.ForecastLog;
import quant.core.forecast.business.OutlookSpec;
import quant.core.forecast.business.RevenueAnalysis;
import quant.core.forecast.business.RevenueResult;
import quant.core.forecast.business.SavedForecast;
import quant.core.job.JobMonitor;
import quant.core.settings.BusinessSettings;
import quant.core.settings.Setting;
import quant.core.store.Store;

/**
 * What the sample company keeps beside its tables, written once they are loaded: the opening cash
 * balance (the cash in the bank at the data's last day, so the cash runway and the cash-flow forecast
 * have one) and a revenue forecast saved as of {@value #FORECAST_AS_OF}, so the saved-forecast
 * accuracy and its band alert have history to compare with.
 */
final class SampleExtras {
    /** The cash the company started with on {@link SampleCompany#START}. */
    static final double STARTING_CASH = 400_000;

    /** The day the sample's saved forecast was made. */
    static final String FORECAST_AS_OF = "2025-06-30";

    /** The parts the cash flows are read from. */
    static final List<Part<?>> CASH_PARTS =
            List.of(Snapshot.Jobs.PART, Snapshot.Invoices.PART, Operations.Expenses.PART, Operations.Spend.PART);

    /** The made-up company's name, which its report packs print. */
    static final String COMPANY_NAME = "Front Range Home Services";

    private SampleExtras() {}

    static void apply(Store store, JobMonitor monitor) {
        Snapshot flows = new SnapshotLoader(store).load(CASH_PARTS, JobMonitor.NONE);
        double cash = STARTING_CASH + netCashFlow(flows);
        BusinessSettings.read(store)
                .with(Setting.OPENING_CASH, String.format(java.util.Locale.ROOT, "%.2f", cash))
                .with(Setting.COMPANY_NAME, COMPANY_NAME)
                .save(store);
        monitor.progress(0, -1, "Saving the mid-2025 revenue forecast");
        Snapshot s = new SnapshotLoader(store).load(RevenueAnalysis.PARTS, JobMonitor.NONE);
        LocalDate asOf = LocalDate.parse(FORECAST_AS_OF);
        if (s.lastActivityDay() == Snapshot.NO_DAY || s.lastActivityDay() < asOf.toEpochDay()) {
            return;
        }
        RevenueResult r = RevenueAnalysis.run(
                s, new OutlookSpec(Optional.of(asOf), RevenueAnalysis.DEFAULT_DAYS, Method.AUTO), JobMonitor.NONE);
        ForecastLog.save(
                store,
                List.of(SavedForecast.of(
                        SavedForecast.REVENUE,
                        r.jobRevenue(),
                        r.asOfText(),
                        "Saved with the sample company: the outlook at mid-2025.")));
    }

    /**
     * Payments received less the money paid out, over the whole data: job costs (labour, materials,
     * equipment) of the completed jobs, expenses and marketing spend — the flows the cash runway KPI
     * counts.
     */
    static double netCashFlow(Snapshot s) {
        double net = 0;
        Snapshot.Payments p = s.invoices().payments();
        for (int k = 0; k < p.size(); k++) {
            net += p.amount(k);
        }
        Snapshot.Jobs jobs = s.jobs();
        for (int j = 0; j < jobs.size(); j++) {
            if (jobs.isCompleted(j)) {
                net -= jobs.cost(j);
            }
        }
        var expenses = s.expenses();
        for (int i = 0; i < expenses.size(); i++) {
            net -= expenses.amount(i);
        }
        var spend = s.spend();
        for (int i = 0; i < spend.size(); i++) {
            net -= spend.amount(i);
        }
        return net;
    }
}
