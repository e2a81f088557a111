package quant.app.marketing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.jfree.chart.fx.ChartViewer;
import quant.app.analysis.AnalysisFrame;
import quant.app.analysis.CustomerFilterBar;
import quant.app.analysis.Formats;
import quant.app.analysis.KeyFigures;
import quant.app.analysis.Sentences;
import quant.app.analysis.Tables;
import quant.core.marketing.MarketingCharts;
import quant.core.marketing.MarketingReport;
import quant.core.marketing.MarketingResult;
import quant.core.marketing.MarketingSpec;

/**
 * Marketing efficiency: per channel what a customer costs, what one is worth and how fast the
 * cost comes back, the recommendations drawn from those numbers, acquisition cost month by month,
 * and each campaign's spend, leads, deals, customers, revenue and return.
 */
public final class MarketingView extends BorderPane implements quant.app.analysis.Exportable {
    public static final String ID = "sales.marketing";

    private final KeyFigures figures = new KeyFigures("marketing-figures");
    private final TableView<MarketingResult.Channel> channels = new TableView<>();
    private final Sentences recommendations = new Sentences();
    private final ChartViewer ltvChart = new ChartViewer();
    private final ChartViewer paybackChart = new ChartViewer();
    private final ChartViewer monthChart = new ChartViewer();
    private final TableView<MarketingResult.Campaign> campaigns = new TableView<>();
    private final ComboBox<String> monthChannel = new ComboBox<>();
    private MarketingResult shown;
    private static final String ALL = "All channels";
    private final AnalysisFrame frame;

    private final MarketingViewModel model;

    public MarketingView(MarketingViewModel model) {
        this.model = model;
        setId("marketing-view");
        ComboBox<MarketingSpec.Ltv> ltv = new ComboBox<>(FXCollections.observableArrayList(MarketingSpec.Ltv.values()));
        ltv.setId("marketing-ltv");
        ltv.setConverter(new StringConverter<>() {
            @Override
            public String toString(MarketingSpec.Ltv l) {
                return l == MarketingSpec.Ltv.HISTORIC ? "LTV: margin to date" : "LTV: predicted (CLV model)";
            }

            @Override
            public MarketingSpec.Ltv fromString(String s) {
                return null;
            }
        });
        ltv.valueProperty().bindBidirectional(model.ltvProperty());
        setTop(new ToolBar(
                ltv, new Label("As of"), CustomerFilterBar.asOfPicker(model.asOfProperty(), "marketing-as-of")));

        TabPane tabs = new TabPane(
                tab("Channels", channelsTab()), tab("CAC by month", monthTab()), tab("Campaigns", campaignsTab()));
        tabs.setId("marketing-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox body = new VBox(figures, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        frame = new AnalysisFrame(
                this, body, "marketing", model.runningProperty(), model.messageProperty(), model.resultProperty());
        model.resultProperty().addListener((obs, o, r) -> show(r));
        model.refresh();
    }

    private static Tab tab(String title, Node content) {
        Tab t = new Tab(title, content);
        t.setId("marketing-tab-" + title.toLowerCase(Locale.ROOT).replace(' ', '-'));
        return t;
    }

    private Node channelsTab() {
        channels.setId("marketing-channels");
        channels.getColumns().setAll(channelColumns());
        channels.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        channels.setPlaceholder(new Label("No marketing spend or acquired customers by this date."));
        recommendations.setId("marketing-recommendations");
        recommendations.setPlaceholder("Too few channels with spend to compare.");
        Label recTitle = Tables.heading("What the numbers suggest");
        VBox side = new VBox(6, recTitle, recommendations); // the LTV's definition is in the summary line
        VBox.setVgrow(recommendations, Priority.ALWAYS);
        side.setPadding(new Insets(8));
        // the table has the whole width for its columns; the sentences sit beside the charts they read
        SplitPane charts = new SplitPane(ltvChart, paybackChart, side);
        charts.setDividerPositions(0.37, 0.74);
        SplitPane all = new SplitPane(channels, charts);
        all.setOrientation(Orientation.VERTICAL);
        all.setDividerPositions(0.5);
        return all;
    }

    private static List<TableColumn<MarketingResult.Channel, ?>> channelColumns() {
        return Tables.of(MarketingReport.channelColumns());
    }

    private Node monthTab() {
        monthChannel.setId("marketing-month-channel");
        monthChannel.valueProperty().addListener((o, a, b) -> showMonths());
        ToolBar bar = new ToolBar(new Label("Channel"), monthChannel);
        VBox box = new VBox(bar, monthChart);
        VBox.setVgrow(monthChart, Priority.ALWAYS);
        return box;
    }

    private void showMonths() {
        MarketingResult r = shown;
        if (r == null || r.cacByMonth().isEmpty()) {
            monthChart.setChart(null);
            return;
        }
        String channel = monthChannel.getValue();
        monthChart.setChart(MarketingCharts.cacByMonth(
                channel == null || channel.equals(ALL)
                        ? r.cacByMonth()
                        : r.cacByMonth().stream()
                                .filter(m -> m.channel().equals(channel))
                                .toList()));
    }

    private Node campaignsTab() {
        campaigns.setId("marketing-campaigns");
        campaigns.getColumns().setAll(Tables.of(MarketingReport.campaignColumns()));
        campaigns.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        campaigns.setPlaceholder(new Label("No campaigns recorded: import a campaigns file to see their returns."));
        return campaigns;
    }

    private void show(MarketingResult r) {
        if (r == null) {
            return;
        }
        frame.setDefinitions(r.definitions());
        if (r.channels().isEmpty()) {
            frame.showEmpty("No acquisition channel has spend or customers by "
                    + r.asOf().date()
                    + ": import marketing spend and customers with their acquisition channel to compare channels.");
            return;
        }
        frame.showBody();
        frame.setSummary("As of %s%s · %s"
                .formatted(r.asOf().date(), r.asOfFromData() ? " (the last activity in the data)" : "", r.ltvNote()));
        figures.showReport(MarketingReport.figures(r));

        List<MarketingResult.Channel> rows = new ArrayList<>(r.channels());
        rows.add(r.total());
        channels.getItems().setAll(rows);
        recommendations.getItems().setAll(r.recommendations());
        String ltvLabel = "clv".equals(r.ltvMethod()) ? "LTV (predicted)" : "LTV (margin to date)";
        ltvChart.setChart(MarketingCharts.ltvAndCac(r.channels(), ltvLabel));
        paybackChart.setChart(MarketingCharts.payback(r.channels()));
        shown = r;
        String chosen = monthChannel.getValue();
        List<String> names = new ArrayList<>();
        names.add(ALL);
        r.channels().forEach(c -> names.add(c.channel()));
        monthChannel.setConverter(Formats.shownAs(code -> code.equals(ALL) ? code : Formats.name(code)));
        monthChannel.getItems().setAll(names);
        monthChannel.setValue(chosen != null && names.contains(chosen) ? chosen : ALL);
        showMonths();
        campaigns.getItems().setAll(r.campaigns());
    }

    @Override
    public java.util.Optional<quant.core.report.Report> report() {
        var r = model.resultProperty().get();
        return r == null || r.channels().isEmpty()
                ? java.util.Optional.empty()
                : java.util.Optional.of(quant.core.marketing.MarketingReport.of(r));
    }
}
