package quant.app.connections;

import atlantafx.base.theme.Styles;
import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import quant.core.connections.Connections;
import quant.importers.api.Connector;
import quant.importers.api.Connectors;

/**
 * Data ▸ Connections: the database's API connections (vendor, address, account, when connected, last
 * sync, schedule) and, for the one selected, what each object's last sync did; Connect… (a token checked
 * with one request and kept in the credential store), Sync now (Ctrl+Enter) and Sync everything again as
 * jobs with progress and Cancel, a sync every N hours while the workbench is open, and Disconnect.
 */
public final class ConnectionsView extends BorderPane {
    public static final String ID = "data.connections";
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final ConnectionsViewModel model;
    private final TableView<ConnectionsViewModel.Row> table;

    public ConnectionsView(ConnectionsViewModel model) {
        this.model = model;
        setId("connections-view");
        table = new TableView<>(model.rows());
        table.setId("connections");
        table.getStyleClass().add(Styles.DENSE);
        table.getColumns()
                .setAll(List.of(
                        column("Vendor", ConnectionsViewModel.Row::title, 110),
                        column("Address", r -> r.connection().baseUrl().toString(), 240),
                        column("Account", r -> orDash(r.connection().account()), 140),
                        column("Connected", r -> WHEN.format(r.connection().connectedAt()), 150),
                        column("Last sync", r -> r.lastSync() == null ? "never" : WHEN.format(r.lastSync()), 150),
                        column(
                                "Schedule",
                                r -> r.connection().syncEveryHours() == null
                                        ? "when asked"
                                        : "every " + r.connection().syncEveryHours() + " h",
                                100)));
        Label empty = new Label(
                "No connections yet. Connect HubSpot, Stripe, QuickBooks, Xero or Salesforce (Connect…) and their customers, deals,"
                        + " invoices and payments arrive with Sync now — no exports to import by hand.");
        empty.setWrapText(true);
        empty.setMaxWidth(520);
        table.setPlaceholder(empty);
        table.setPrefHeight(170);

        TableView<Connections.LastSync> objects = new TableView<>();
        objects.setId("connection-objects");
        objects.getStyleClass().add(Styles.DENSE);
        objects.getColumns()
                .setAll(List.of(
                        column("Object", Connections.LastSync::object, 120),
                        column("Synced", s -> WHEN.format(s.at()), 150),
                        column("Outcome", s -> s.outcome().code() + (s.undone() ? " (undone)" : ""), 150),
                        number("Read", Connections.LastSync::read),
                        number("Inserted", Connections.LastSync::inserted),
                        number("Updated", Connections.LastSync::updated),
                        number("Unchanged", Connections.LastSync::unchanged),
                        column("Changes up to", s -> upTo(s.watermark()), 200)));
        objects.setPlaceholder(new Label("Select a connection to see what each object's last sync did."));
        table.getSelectionModel().selectedItemProperty().addListener((obs, o, row) -> objects.getItems()
                .setAll(row == null ? List.of() : row.syncs()));
        model.rows().addListener((javafx.collections.ListChangeListener<ConnectionsViewModel.Row>) c -> {
            if (table.getSelectionModel().isEmpty() && !model.rows().isEmpty()) {
                table.getSelectionModel().selectFirst();
            }
        });

        Button connect = new Button("Connect…");
        connect.setDefaultButton(false);
        connect.setOnAction(e -> connectDialog());
        Button sync = new Button("Sync now");
        sync.setId("sync-now");
        sync.getStyleClass().add(Styles.ACCENT);
        sync.setTooltip(new Tooltip("The changes since the last sync (Ctrl+Enter)"));
        sync.setOnAction(e -> selected(r -> model.sync(r, false)));
        Button full = new Button("Sync everything again");
        full.setTooltip(new Tooltip("Read every record again, not only the changes"));
        full.setOnAction(e -> selected(r -> model.sync(r, true)));
        Spinner<Integer> hours = new Spinner<>(1, 168, 6);
        hours.setEditable(true);
        hours.setPrefWidth(80);
        Button every = new Button("Sync every");
        every.setOnAction(e -> selected(r -> model.schedule(r, hours.getValue())));
        Button never = new Button("Only when asked");
        never.setOnAction(e -> selected(r -> model.schedule(r, null)));
        Button disconnect = new Button("Disconnect");
        disconnect.getStyleClass().add(Styles.DANGER);
        disconnect.setOnAction(e -> selected(model::disconnect));
        for (Button b : List.of(sync, full, every, never, disconnect)) {
            b.disableProperty()
                    .bind(table.getSelectionModel().selectedItemProperty().isNull());
        }
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, connect, sync, full, gap, every, hours, new Label("hours"), never, disconnect);
        bar.setAlignment(Pos.CENTER_LEFT);

        Label objectsTitle = new Label("Last sync of each object");
        objectsTitle.getStyleClass().add(Styles.TITLE_4);
        Label message = new Label();
        message.setId("connections-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        VBox box = new VBox(8, bar, table, objectsTitle, objects, message);
        VBox.setVgrow(objects, Priority.ALWAYS);
        box.setPadding(new Insets(10));
        setCenter(box);
        addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, k -> {
            if (new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN).match(k)) {
                selected(r -> model.sync(r, false));
                k.consume();
            }
        });
        model.refresh();
    }

    private void selected(java.util.function.Consumer<ConnectionsViewModel.Row> action) {
        ConnectionsViewModel.Row row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            action.accept(row);
        }
    }

    /** Vendor, address and token; the token field never shows what is typed. */
    private void connectDialog() {
        if (model.secrets().needsPassphrase() && !unlock()) {
            return;
        }
        ComboBox<Connector> vendor = new ComboBox<>();
        vendor.getItems().setAll(Connectors.all());
        vendor.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Connector c) {
                return c == null ? "" : c.vendor().title();
            }

            @Override
            public Connector fromString(String s) {
                return null;
            }
        });
        TextField address = new TextField();
        address.setPrefColumnCount(30);
        TextField clientId = new TextField();
        Label clientIdLabel = new Label("Client id");
        Label tokenLabel = new Label("Token or key");
        PasswordField token = new PasswordField();
        Label help = new Label();
        help.setWrapText(true);
        help.setMaxWidth(420);
        help.setMinHeight(Region.USE_PREF_SIZE); // the whole text, however many lines it takes
        for (javafx.scene.Node n : List.of(clientId, clientIdLabel, token, tokenLabel)) {
            n.managedProperty().bind(n.visibleProperty()); // a hidden row takes no room
        }
        vendor.valueProperty().addListener((obs, o, c) -> {
            boolean oauth = c.auth() == Connector.Auth.OAUTH;
            boolean secret = !oauth || c.oauth().secretRequired();
            address.setText(c.defaultBaseUrl().toString());
            clientId.setVisible(oauth);
            clientIdLabel.setVisible(oauth);
            token.setVisible(secret);
            tokenLabel.setVisible(secret);
            tokenLabel.setText(oauth ? "Client secret" : "Token or key");
            help.setText(help(c));
            if (help.getScene() != null && help.getScene().getWindow() != null) {
                help.getScene().getWindow().sizeToScene();
            }
        });
        vendor.getSelectionModel().selectFirst();
        GridPane form = new GridPane(8, 8);
        form.addRow(0, new Label("Vendor"), vendor);
        form.addRow(1, new Label("Address"), address);
        form.addRow(2, clientIdLabel, clientId);
        form.addRow(3, tokenLabel, token);
        form.add(help, 1, 4);
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Connect");
        d.setHeaderText("Connect this database to a vendor's API");
        d.getDialogPane().setContent(form);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        d.initOwner(getScene().getWindow());
        d.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> {
            URI base;
            try {
                base = URI.create(
                        address.getText().strip().endsWith("/")
                                ? address.getText().strip()
                                : address.getText().strip() + "/");
                if (base.getHost() == null) {
                    throw new IllegalArgumentException("no host");
                }
            } catch (IllegalArgumentException e) {
                model.say("\"" + address.getText() + "\" is not a web address; write it as https://host/.");
                return;
            }
            Connector c = vendor.getValue();
            if (c.auth() == Connector.Auth.OAUTH) {
                if (clientId.getText().isBlank()) {
                    model.say(
                            "Give your app's client id to connect " + c.vendor().title() + ".");
                    return;
                }
                URI host = base.equals(c.defaultBaseUrl()) ? null : base;
                model.connectOAuth(
                        c,
                        host,
                        clientId.getText().strip(),
                        c.oauth().secretRequired() ? token.getText().strip().toCharArray() : null);
                token.clear();
                return;
            }
            if (token.getText().isBlank()) {
                model.say("Give the token or key to connect with.");
                return;
            }
            model.connect(c, base, token.getText().strip().toCharArray());
            token.clear();
        });
    }

    /** Where the user finds what a vendor's connection needs. */
    static String help(Connector c) {
        return switch (c.name()) {
            case "stripe" ->
                "A restricted key with read access to customers, invoices, charges and events"
                        + " (Stripe Dashboard ▸ Developers ▸ API keys).";
            case "quickbooks" ->
                "Your Intuit app's keys (developer.intuit.com ▸ your app ▸ Keys and credentials), with"
                        + " http://127.0.0.1:53682/callback among its redirect URIs. Your browser then asks you"
                        + " to choose the company and let Quant Workbench in.";
            case "xero" ->
                "Your Xero app's client id (developer.xero.com ▸ My Apps, an \"Auth code with PKCE\" app with"
                        + " the redirect URI http://127.0.0.1:53682/callback); no secret. Your browser then asks"
                        + " you to choose the organisation.";
            case "salesforce" ->
                "Your connected app's consumer key (Setup ▸ App Manager; scopes api and refresh_token, PKCE,"
                        + " callback http://127.0.0.1:53682/callback); no secret. Your browser then asks you to"
                        + " log in and allow access.";
            default ->
                "A private app's access token with the scopes crm.objects.companies.read, contacts.read,"
                        + " deals.read and owners.read (HubSpot ▸ Settings ▸ Integrations ▸ Private apps).";
        };
    }

    /** Asks for the passphrase of the encrypted secrets file; false when the user cancels or it is wrong. */
    private boolean unlock() {
        PasswordField field = new PasswordField();
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Unlock secrets");
        d.setHeaderText("This computer has no credential store: tokens are kept in "
                + model.secrets().file() + ", encrypted with a passphrase (chosen the first time).");
        d.getDialogPane().setContent(field);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        d.initOwner(getScene().getWindow());
        if (d.showAndWait().filter(b -> b == ButtonType.OK).isEmpty()
                || field.getText().isEmpty()) {
            return false;
        }
        try {
            model.secrets().unlock(field.getText().toCharArray());
            return true;
        } catch (RuntimeException e) {
            model.say(quant.app.errors.Failures.sentence(e));
            return false;
        } finally {
            field.clear();
        }
    }

    /** A watermark as a local time when it is one (a vendor's cursor as it is). */
    private static String upTo(String watermark) {
        if (watermark == null) {
            return "—";
        }
        try {
            return WHEN.format(java.time.Instant.parse(watermark));
        } catch (java.time.format.DateTimeParseException notAnInstant) {
            return watermark;
        }
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static <T> TableColumn<T, String> number(String title, java.util.function.ToLongFunction<T> value) {
        TableColumn<T, String> c = column(title, t -> String.format("%,d", value.applyAsLong(t)), 110);
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }
}
