package quant.app.customer;

import java.time.LocalDate;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import quant.app.analysis.Formats;
import quant.app.analysis.KeyFigures;
import quant.app.analysis.Tables;
import quant.app.job.JobRunner;
import quant.core.customer.CustomerProfile;
import quant.core.store.Store;

/**
 * A customer's page, opened by a double click on a customer in any list (the churn call list, the
 * lifetime-value customers, the segments): who they are and how to reach them, their value and the
 * experiences behind their risk, and every job, invoice and payment. Read on the job runner.
 */
public final class CustomerPage extends BorderPane implements quant.app.analysis.Titled {
    /** The family prefix of the view ids: {@code customer:1545}. */
    public static final String PREFIX = "customer:";

    private final Label title = new Label("Opening…");
    private final javafx.beans.property.ReadOnlyStringWrapper tabTitle =
            new javafx.beans.property.ReadOnlyStringWrapper();
    private final Label contact = new Label();
    private final KeyFigures figures = new KeyFigures("customer-figures");
    private final TableView<CustomerProfile.Job> jobs = new TableView<>();
    private final TableView<CustomerProfile.Invoice> invoices = new TableView<>();
    private final TableView<CustomerProfile.Payment> payments = new TableView<>();

    public CustomerPage(JobRunner runner, Store store, long id) {
        setId("customer-page");
        title.getStyleClass().add("title-3");
        title.setId("customer-name");
        contact.setId("customer-contact");
        contact.setWrapText(true);
        contact.getStyleClass().add("text-muted");
        VBox top = new VBox(4, title, contact, figures);
        top.setPadding(new Insets(10));
        setTop(top);
        jobs.setId("customer-jobs");
        jobs.getColumns()
                .setAll(List.of(
                        Tables.text("Day", j -> text(j.day()), 95),
                        Tables.text("Job", CustomerProfile.Job::reference, 90),
                        Tables.text("Line", j -> j.serviceLine() == null ? "" : j.serviceLine(), 130),
                        Tables.text("Status", j -> Formats.name(j.status()), 90),
                        Tables.text("Technician", j -> j.technician() == null ? "" : j.technician(), 140),
                        Tables.number("Revenue", CustomerProfile.Job::revenue, Formats::money, 90),
                        Tables.number("Cost", CustomerProfile.Job::cost, Formats::money, 90),
                        Tables.text("Rating", j -> j.rating() == null ? "" : "★".repeat(j.rating()), 80),
                        Tables.text("Callback", j -> j.callback() ? "callback" : "", 80)));
        jobs.setPlaceholder(new Label("No jobs."));
        invoices.setId("customer-invoices");
        invoices.getColumns()
                .setAll(List.of(
                        Tables.text("Invoice", i -> i.number() == null ? "" : i.number(), 100),
                        Tables.text("Issued", i -> text(i.issued()), 95),
                        Tables.text("Due", i -> text(i.due()), 95),
                        Tables.number("Amount", CustomerProfile.Invoice::amount, Formats::cents, 100),
                        Tables.number("Paid", CustomerProfile.Invoice::paid, Formats::cents, 100),
                        Tables.text("Status", i -> Formats.name(i.status()), 80),
                        Tables.text("Late", i -> i.daysLate() == null ? "" : i.daysLate() + " days", 80)));
        invoices.setPlaceholder(new Label("No invoices."));
        payments.setId("customer-payments");
        payments.getColumns()
                .setAll(List.of(
                        Tables.text("Paid on", p -> text(p.paidOn()), 95),
                        Tables.number("Amount", CustomerProfile.Payment::amount, Formats::cents, 100),
                        Tables.text("Method", p -> p.method() == null ? "" : Formats.name(p.method()), 90),
                        Tables.text("Invoice", p -> p.invoice() == null ? "" : p.invoice(), 100)));
        payments.setPlaceholder(new Label("No payments."));
        TabPane tabs = new TabPane(new Tab("Jobs", jobs), new Tab("Invoices", invoices), new Tab("Payments", payments));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(tabs);
        runner.submit(
                "Reading customer " + id,
                m -> CustomerProfile.read(store, id),
                this::show,
                e -> title.setText(quant.app.errors.Failures.sentence(e)));
    }

    @Override
    public javafx.beans.value.ObservableValue<String> titleProperty() {
        return tabTitle.getReadOnlyProperty();
    }

    private void show(CustomerProfile p) {
        title.setText(p.name());
        tabTitle.set(p.name());
        contact.setText(String.join(
                " · ",
                java.util.stream.Stream.of(
                                Formats.name(p.segment()),
                                p.channel() == null ? null : "came through " + Formats.name(p.channel()),
                                p.acquiredOn() == null ? null : "customer since " + p.acquiredOn(),
                                p.address() == null
                                        ? p.city()
                                        : p.address() + (p.city() == null ? "" : ", " + p.city()),
                                p.phone(),
                                p.email())
                        .filter(s -> s != null && !s.isBlank())
                        .toList()));
        CustomerProfile.Totals t = p.totals();
        figures.show(List.of(
                new KeyFigures.Figure(
                        "Margin to date",
                        Formats.money(t.margin()),
                        Formats.money(t.revenue()) + " revenue, " + Formats.count(t.completedJobs()) + " jobs"),
                new KeyFigures.Figure(
                        "Last purchase",
                        t.lastPurchase() == null ? "–" : t.lastPurchase().toString(),
                        t.lastPurchase() == null
                                ? "never"
                                : (p.asOf().toEpochDay() - t.lastPurchase().toEpochDay()) + " days before " + p.asOf()),
                new KeyFigures.Figure(
                        "Callbacks",
                        Formats.count(t.callbacksLastYear()),
                        "in the last year; " + Formats.count(t.callbacksEver()) + " ever",
                        t.callbacksEver() > 0),
                new KeyFigures.Figure(
                        "Low ratings",
                        Formats.count(t.lowRatingsLastYear()),
                        "1–2 stars in the last year; " + Formats.count(t.lowRatingsEver()) + " ever",
                        t.lowRatingsEver() > 0),
                new KeyFigures.Figure(
                        "Late invoices",
                        Formats.count(t.lateInvoicesLastYear()),
                        "in the last year; " + Formats.count(t.lateInvoicesEver()) + " ever",
                        t.lateInvoicesEver() > 0),
                new KeyFigures.Figure(
                        "Open balance", Formats.money(t.openBalance()), "owed on invoices", t.openBalance() > 0)));
        jobs.getItems().setAll(p.jobs());
        invoices.getItems().setAll(p.invoices());
        payments.getItems().setAll(p.payments());
    }

    private static String text(LocalDate d) {
        return d == null ? "" : d.toString();
    }
}
