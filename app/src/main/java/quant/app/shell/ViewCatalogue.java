package quant.app.shell;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.Node;
import quant.app.churn.ChurnView;
import quant.app.churn.ChurnViewModel;
import quant.app.clv.ClvView;
import quant.app.clv.ClvViewModel;
import quant.app.cohort.CohortView;
import quant.app.cohort.CohortViewModel;
import quant.app.data.DataView;
import quant.app.data.TableBrowserView;
import quant.app.data.TableBrowserViewModel;
import quant.app.forecast.CashFlowView;
import quant.app.forecast.DemandView;
import quant.app.forecast.RevenueView;
import quant.app.forecast.SavedForecastsView;
import quant.app.forecast.StoreForecastViewModel;
import quant.app.imports.ImportHistoryView;
import quant.app.imports.ImportHistoryViewModel;
import quant.app.market.MarketView;
import quant.app.market.MarketViewModel;
import quant.app.marketing.MarketingView;
import quant.app.marketing.MarketingViewModel;
import quant.app.pipeline.PipelineView;
import quant.app.pipeline.PipelineViewModel;
import quant.app.routing.RouteView;
import quant.app.routing.RouteViewModel;
import quant.app.segment.SegmentView;
import quant.app.segment.SegmentViewModel;
import quant.core.store.DomainTable;
import quant.core.store.TableBrowser;

/**
 * Every view of the workbench in one list: its id (remembered in the layout), title, menu and
 * shortcut, the dock area it opens in, and how it is made. The main window builds its menus from
 * this list; adding a view is adding an entry.
 */
public final class ViewCatalogue {
    /** The menus views are listed in, in menu-bar order. */
    public enum Menu {
        HOME("Ho_me"),
        DATA("_Data"),
        CUSTOMERS("_Customers"),
        FORECASTS("F_orecasts"),
        SALES("_Sales"),
        OPERATIONS("O_perations"),
        FINANCE("Fi_nance"),
        REPORTS("_Reports");

        private final String title;

        Menu(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /**
     * One view.
     *
     * @param shortcut a key combination as JavaFX writes it ("Shortcut+2"), or null
     * @param area {@link Workspace#SIDE} or {@link Workspace#MAIN}
     */
    public record Entry(
            String id, String title, Menu menu, String shortcut, String area, Function<ViewContext, Node> factory) {}

    /** Views opened with an argument in their id ({@code table:job}); not in the menus. */
    public record Family(String prefix, FamilyFactory factory) {}

    /** Makes a view of a family from the part of the id after the prefix. */
    @FunctionalInterface
    public interface FamilyFactory {
        Optional<Workspace.ViewSpec> make(ViewContext context, String argument);
    }

    public static final List<Entry> ENTRIES = List.of(
            new Entry(
                    quant.app.dashboard.DashboardView.ID,
                    "Dashboard",
                    Menu.HOME,
                    "Shortcut+0",
                    Workspace.MAIN,
                    c -> new quant.app.dashboard.DashboardView(
                            new quant.app.dashboard.DashboardViewModel(
                                    c.jobs(),
                                    c.snapshots(),
                                    c.counts(),
                                    c.settings(),
                                    c.savedForecasts(),
                                    c.onDataChanged()),
                            analysis ->
                                    viewOf(analysis).ifPresent(e -> c.openView().accept(e.id())),
                            chart -> c.openView().accept("chart:" + chart))),
            new Entry(
                    quant.app.explore.ChartBuilderView.ID,
                    "Chart builder",
                    Menu.HOME,
                    "Shortcut+Shift+G",
                    Workspace.MAIN,
                    c -> chartBuilder(c, null)),
            new Entry(
                    quant.app.reports.ReportsView.ID,
                    "Report packs and schedules",
                    Menu.REPORTS,
                    "Shortcut+R",
                    Workspace.MAIN,
                    c -> new quant.app.reports.ReportsView(
                            new quant.app.reports.ReportsViewModel(c.jobs(), c::store, c.secrets()))),
            new Entry(
                    DataView.ID,
                    "Data",
                    Menu.DATA,
                    "Shortcut+1",
                    Workspace.SIDE,
                    c -> new DataView(c.counts(), t -> c.openView().accept("table:" + t.sqlName()))),
            new Entry(
                    ImportHistoryView.ID,
                    "Import history",
                    Menu.DATA,
                    "Shortcut+H",
                    Workspace.MAIN,
                    c -> new ImportHistoryView(new ImportHistoryViewModel(c.jobs(), c::store, c.onDataChanged()))),
            new Entry(
                    quant.app.connections.ConnectionsView.ID,
                    "Connections",
                    Menu.DATA,
                    "Shortcut+Shift+Y",
                    Workspace.MAIN,
                    c -> new quant.app.connections.ConnectionsView(new quant.app.connections.ConnectionsViewModel(
                            c.jobs(), c::store, c.secrets(), c.onDataChanged()))),
            new Entry(
                    CohortView.ID,
                    "Cohorts",
                    Menu.CUSTOMERS,
                    "Shortcut+2",
                    Workspace.MAIN,
                    c -> new CohortView(new CohortViewModel(c.jobs(), c.snapshots(), c.counts()))),
            new Entry(ClvView.ID, "Lifetime value", Menu.CUSTOMERS, "Shortcut+3", Workspace.MAIN, c -> new ClvView(
                            new ClvViewModel(c.jobs(), c.snapshots(), c.counts(), c.settings()))
                    .onOpenCustomer(customerOpener(c))),
            new Entry(ChurnView.ID, "Churn risk", Menu.CUSTOMERS, "Shortcut+4", Workspace.MAIN, c -> new ChurnView(
                            new ChurnViewModel(c.jobs(), c.snapshots(), c.counts(), c.settings()))
                    .onOpenCustomer(customerOpener(c))),
            new Entry(SegmentView.ID, "Segments", Menu.CUSTOMERS, "Shortcut+5", Workspace.MAIN, c -> new SegmentView(
                            new SegmentViewModel(c.jobs(), c.snapshots(), c.counts()))
                    .onOpenCustomer(customerOpener(c))),
            new Entry(
                    DemandView.ID,
                    "Demand and capacity",
                    Menu.FORECASTS,
                    "Shortcut+6",
                    Workspace.MAIN,
                    c -> new DemandView(
                            StoreForecastViewModel.demand(c.jobs(), c.snapshots(), c.counts()), c.savedForecasts())),
            new Entry(
                    RevenueView.ID,
                    "Revenue forecast",
                    Menu.FORECASTS,
                    "Shortcut+7",
                    Workspace.MAIN,
                    c -> new RevenueView(
                            StoreForecastViewModel.revenue(c.jobs(), c.snapshots(), c.counts()), c.savedForecasts())),
            new Entry(
                    CashFlowView.ID,
                    "Cash flow",
                    Menu.FORECASTS,
                    "Shortcut+8",
                    Workspace.MAIN,
                    c -> new CashFlowView(
                            StoreForecastViewModel.cashFlow(c.jobs(), c.snapshots(), c.counts(), c.settings()))),
            new Entry(
                    SavedForecastsView.ID,
                    "Saved forecasts",
                    Menu.FORECASTS,
                    "Shortcut+9",
                    Workspace.MAIN,
                    c -> new SavedForecastsView(c.savedForecasts(), c.jobs(), c.snapshots(), c.counts())),
            new Entry(
                    PipelineView.ID,
                    "Pipeline",
                    Menu.SALES,
                    "Shortcut+Shift+P",
                    Workspace.MAIN,
                    c -> new PipelineView(new PipelineViewModel(c.jobs(), c.snapshots(), c.counts(), c.settings()))),
            new Entry(
                    MarketingView.ID,
                    "Marketing",
                    Menu.SALES,
                    "Shortcut+Shift+M",
                    Workspace.MAIN,
                    c -> new MarketingView(new MarketingViewModel(c.jobs(), c.snapshots(), c.counts(), c.settings()))),
            new Entry(
                    quant.app.pricing.PricingView.ID,
                    "Pricing",
                    Menu.SALES,
                    "Shortcut+Shift+Q",
                    Workspace.MAIN,
                    c -> new quant.app.pricing.PricingView(
                            new quant.app.pricing.PricingViewModel(c.jobs(), c.snapshots(), c.counts(), c.settings()))),
            new Entry(
                    MarketView.ID,
                    "Market position",
                    Menu.SALES,
                    "Shortcut+Shift+K",
                    Workspace.MAIN,
                    c -> new MarketView(new MarketViewModel(c.jobs(), c.snapshots(), c.counts(), c::store))),
            new Entry(
                    quant.app.operations.TechniciansView.ID,
                    "Technicians",
                    Menu.OPERATIONS,
                    "Shortcut+Shift+E",
                    Workspace.MAIN,
                    c -> new quant.app.operations.TechniciansView(new quant.app.operations.TechniciansViewModel(
                            c.jobs(), c.snapshots(), c.counts(), c.settings()))),
            new Entry(
                    quant.app.operations.EquipmentView.ID,
                    "Equipment",
                    Menu.OPERATIONS,
                    "Shortcut+Shift+A",
                    Workspace.MAIN,
                    c -> new quant.app.operations.EquipmentView(new quant.app.operations.EquipmentViewModel(
                            c.jobs(), c.snapshots(), c.counts(), c.settings()))),
            new Entry(
                    RouteView.ID,
                    "Routes",
                    Menu.OPERATIONS,
                    "Shortcut+Shift+T",
                    Workspace.MAIN,
                    c -> new RouteView(
                            new RouteViewModel(c.jobs(), c::store, c.counts(), c.settings(), Platform::runLater))),
            new Entry(
                    quant.app.finance.ProfitabilityView.ID,
                    "Profitability",
                    Menu.FINANCE,
                    "Shortcut+Shift+F",
                    Workspace.MAIN,
                    c -> new quant.app.finance.ProfitabilityView(new quant.app.finance.ProfitabilityViewModel(
                            c.jobs(), c.snapshots(), c.counts(), c.settings()))),
            new Entry(
                    quant.app.finance.ReceivablesView.ID,
                    "Receivables",
                    Menu.FINANCE,
                    "Shortcut+Shift+V",
                    Workspace.MAIN,
                    c -> new quant.app.finance.ReceivablesView(quant.app.finance.MonitorViewModel.receivables(
                            c.jobs(), c.snapshots(), c.counts(), c.settings()))),
            new Entry(
                    quant.app.finance.FinanceView.ID,
                    "Finance monitors",
                    Menu.FINANCE,
                    "Shortcut+Shift+N",
                    Workspace.MAIN,
                    c -> new quant.app.finance.FinanceView(quant.app.finance.MonitorViewModel.finance(
                            c.jobs(), c.snapshots(), c.counts(), c.settings()))));

    /** The id prefix of the chart builder opened on a saved chart: {@code chart:NAME}. */
    static final String CHART_PREFIX = "chart:";

    /** The chart builder, on a saved chart when {@code name} is given. */
    static javafx.scene.Node chartBuilder(ViewContext c, String name) {
        var view = new quant.app.explore.ChartBuilderView(
                new quant.app.explore.ChartBuilderViewModel(c.jobs(), c.snapshots(), c.counts(), c::store),
                quant.app.explore.ChartBuilderViewModel.starter(),
                quant.app.dashboard.DashboardLayouts::addChart);
        if (name != null) {
            view.openSaved(name);
        }
        return view;
    }

    public static final List<Family> FAMILIES = List.of(
            new Family(
                    CHART_PREFIX,
                    (c, name) -> Optional.of(new Workspace.ViewSpec(name, chartBuilder(c, name), Workspace.MAIN))),
            new Family("table:", (c, name) -> DomainTable.byName(name)
                    .map(t -> new Workspace.ViewSpec(
                            t.label(),
                            new TableBrowserView(new TableBrowserViewModel(
                                    new TableBrowser(c.store(), t), c.pages(), Platform::runLater)),
                            Workspace.MAIN))),
            new Family(quant.app.customer.CustomerPage.PREFIX, (c, id) -> {
                try {
                    long customer = Long.parseLong(id);
                    return Optional.of(new Workspace.ViewSpec(
                            "Customer " + customer,
                            new quant.app.customer.CustomerPage(c.jobs(), c.store(), customer),
                            Workspace.MAIN));
                } catch (NumberFormatException notAnId) {
                    return Optional.empty();
                }
            }));

    private ViewCatalogue() {}

    /**
     * The view that shows each registered analysis ({@link quant.core.catalog.AnalysisCatalog}), by the
     * analysis's id: where a figure of a report, a dashboard tile or a board pack links to.
     */
    public static final java.util.Map<String, String> ANALYSIS_VIEWS = java.util.Map.ofEntries(
            java.util.Map.entry(quant.core.cohort.CohortReport.ID, CohortView.ID),
            java.util.Map.entry(quant.core.clv.ClvReport.ID, ClvView.ID),
            java.util.Map.entry(quant.core.churn.ChurnRiskReport.ID, ChurnView.ID),
            java.util.Map.entry(quant.core.segment.SegmentReport.ID, SegmentView.ID),
            java.util.Map.entry(quant.core.forecast.business.ForecastReports.DEMAND, DemandView.ID),
            java.util.Map.entry(quant.core.forecast.business.ForecastReports.REVENUE, RevenueView.ID),
            java.util.Map.entry(quant.core.forecast.business.ForecastReports.CASH_FLOW, CashFlowView.ID),
            java.util.Map.entry(quant.core.pipeline.PipelineReport.ID, PipelineView.ID),
            java.util.Map.entry(quant.core.marketing.MarketingReport.ID, MarketingView.ID),
            java.util.Map.entry(quant.core.market.MarketReport.ID, MarketView.ID),
            java.util.Map.entry(quant.core.operations.TechnicianReport.ID, quant.app.operations.TechniciansView.ID),
            java.util.Map.entry(quant.core.finance.ProfitabilityReport.ID, quant.app.finance.ProfitabilityView.ID),
            java.util.Map.entry(quant.core.finance.ReceivablesReport.ID, quant.app.finance.ReceivablesView.ID),
            java.util.Map.entry(quant.core.finance.FinanceReport.ID, quant.app.finance.FinanceView.ID),
            java.util.Map.entry(quant.core.equipment.EquipmentReport.ID, quant.app.operations.EquipmentView.ID),
            java.util.Map.entry(quant.core.pricing.PricingReport.ID, quant.app.pricing.PricingView.ID));

    /** The view of the registered analysis {@code analysisId}, if one shows it. */
    public static Optional<Entry> viewOf(String analysisId) {
        String view = ANALYSIS_VIEWS.get(analysisId);
        return ENTRIES.stream().filter(e -> e.id().equals(view)).findFirst();
    }

    /** Opens a customer's page from a list: the view {@code customer:ID}. */
    static java.util.function.LongConsumer customerOpener(ViewContext c) {
        return id -> c.openView().accept(quant.app.customer.CustomerPage.PREFIX + id);
    }

    /** The view with this id, made in this context; empty for an id no entry or family knows. */
    public static Optional<Workspace.ViewSpec> make(String id, ViewContext context) {
        for (Entry e : ENTRIES) {
            if (e.id().equals(id)) {
                return Optional.of(new Workspace.ViewSpec(e.title(), e.factory().apply(context), e.area()));
            }
        }
        for (Family f : FAMILIES) {
            if (id.startsWith(f.prefix())) {
                return f.factory().make(context, id.substring(f.prefix().length()));
            }
        }
        return Optional.empty();
    }

    /** The entries of one menu, in order. */
    public static List<Entry> inMenu(Menu menu) {
        return ENTRIES.stream().filter(e -> e.menu() == menu).toList();
    }
}
