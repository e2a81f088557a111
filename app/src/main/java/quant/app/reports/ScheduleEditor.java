package quant.app.reports;

import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import quant.core.analysis.InvalidSpecException;
import quant.core.delivery.Schedule;
import quant.core.delivery.Schedule.Format;
import quant.core.delivery.Schedule.Frequency;

/**
 * The report schedules: the table of schedules (when, what, where to, next due) and a form to add or
 * change one — definition, period, weekly or monthly on a day at an hour, formats, and delivery to a
 * folder or by e-mail over SMTP with STARTTLS. A password typed here goes to the credential store (the
 * system's, or the encrypted file after its passphrase), never to the database.
 */
final class ScheduleEditor extends SplitPane {
    private final ReportsViewModel model;
    private final TableView<Schedule> table;
    private final TextField name = new TextField();
    private final ComboBox<ReportsViewModel.Item> definition = new ComboBox<>();
    private final TextField period = new TextField();
    private final ComboBox<String> frequency = new ComboBox<>(FXCollections.observableArrayList("monthly", "weekly"));
    private final Spinner<Integer> day = new Spinner<>(1, 28, 2);
    private final Spinner<Integer> hour = new Spinner<>(0, 23, 7);
    private final CheckBox pdf = new CheckBox("PDF");
    private final CheckBox xlsx = new CheckBox("XLSX");
    private final CheckBox pptx = new CheckBox("PPTX");
    private final RadioButton toFolder = new RadioButton("To a folder");
    private final RadioButton byMail = new RadioButton("By e-mail");
    private final TextField folder = new TextField();
    private final TextField host = new TextField();
    private final Spinner<Integer> port = new Spinner<>(1, 65535, 587);
    private final TextField user = new TextField();
    private final PasswordField password = new PasswordField();
    private final TextField from = new TextField();
    private final TextField to = new TextField();
    private final CheckBox enabled = new CheckBox("Runs while the workbench is open");
    private Schedule editing;

    ScheduleEditor(ReportsViewModel model) {
        this.model = model;
        setId("schedule-editor");
        setOrientation(javafx.geometry.Orientation.VERTICAL);
        table = new TableView<>(model.schedules());
        table.setId("schedules");
        table.getStyleClass().add(Styles.DENSE);
        table.getColumns()
                .setAll(List.of(
                        column("Name", Schedule::name, 160),
                        column("Pack", Schedule::definition, 160),
                        column("When", Schedule::when, 190),
                        column("Delivery", s -> s.delivery().destination(), 260),
                        column(
                                "Next",
                                s -> s.enabled()
                                        ? s.nextDue(ZonedDateTime.now())
                                                .toLocalDateTime()
                                                .toString()
                                                .replace('T', ' ')
                                        : "off",
                                140),
                        column("Last run", this::lastRun, 220)));
        // the last run's outcome follows the history
        model.runs().addListener((javafx.collections.ListChangeListener<quant.core.delivery.Schedules.Run>)
                c -> table.refresh());
        table.setPlaceholder(new Label("No schedules yet: fill in the form below and Save."));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> {
            if (s != null) {
                load(s);
            }
        });
        getItems().setAll(table, form());
        setDividerPositions(0.38);
        clear();
    }

    private String lastRun(Schedule s) {
        return model.runs().stream()
                .filter(r -> r.scheduleId() != null && r.scheduleId() == s.id())
                .findFirst()
                .map(r -> (r.delivered() ? "delivered " : "failed ")
                        + java.time.LocalDateTime.ofInstant(r.started(), java.time.ZoneId.systemDefault())
                                .withNano(0)
                                .toString()
                                .replace('T', ' '))
                .orElse("not yet");
    }

    private static TableColumn<Schedule, String> column(
            String title, java.util.function.Function<Schedule, String> value, double width) {
        TableColumn<Schedule, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private VBox form() {
        definition.setItems(model.items());
        model.items().addListener((javafx.collections.ListChangeListener<ReportsViewModel.Item>) c -> {
            if (definition.getValue() == null || !model.items().contains(definition.getValue())) {
                definition.getSelectionModel().selectFirst();
            }
        });
        ToggleGroup how = new ToggleGroup();
        toFolder.setToggleGroup(how);
        byMail.setToggleGroup(how);
        toFolder.setSelected(true);
        period.setPromptText("the definition's (e.g. last-month)");
        name.setId("schedule-name");
        folder.setId("schedule-folder");
        frequency.valueProperty().addListener((o, a, f) -> {
            int max = "weekly".equals(f) ? 7 : 28;
            day.setValueFactory(new javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory(
                    1, max, Math.min(max, day.getValue() == null ? 1 : day.getValue())));
        });
        day.setEditable(true);
        hour.setEditable(true);
        port.setEditable(true);
        Label dayName = new Label();
        day.valueProperty()
                .addListener((o, a, d) -> dayName.setText(
                        "weekly".equals(frequency.getValue()) && d != null
                                ? DayOfWeek.of(d).getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                                : ""));
        Button browse = new Button("Choose…");
        browse.setOnAction(e -> {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle("Deliver into");
            java.io.File f = dc.showDialog(getScene().getWindow());
            if (f != null) {
                folder.setText(f.getAbsolutePath());
            }
        });
        user.setPromptText("login (empty: none)");
        password.setPromptText("kept in the credential store; empty keeps the one kept");
        to.setPromptText("addresses, separated by commas");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        int r = 0;
        g.addRow(r++, new Label("Name"), name, new Label("Pack"), definition);
        g.addRow(r++, new Label("Period"), period, new Label("Formats"), new HBox(10, pdf, xlsx, pptx));
        g.addRow(
                r++,
                new Label("Runs"),
                new HBox(6, frequency, new Label("on day"), day, dayName),
                new Label("at hour"),
                hour);
        g.addRow(r++, toFolder, new HBox(6, folder, browse), byMail, new HBox());
        g.addRow(r++, new Label("SMTP server"), host, new Label("Port"), port);
        g.addRow(r++, new Label("User"), user, new Label("Password"), password);
        g.addRow(r++, new Label("From"), from, new Label("To"), to);
        g.addRow(r, new Label(""), enabled);
        for (var f : List.of(name, period, folder, host, user, from, to)) {
            GridPane.setHgrow(f, Priority.ALWAYS);
        }
        HBox.setHgrow(folder, Priority.ALWAYS);
        browse.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Forms.keepLabels(g);
        for (var n : List.of(host, port, user, password, from, to)) {
            n.disableProperty().bind(byMail.selectedProperty().not());
        }
        folder.disableProperty().bind(toFolder.selectedProperty().not());
        browse.disableProperty().bind(toFolder.selectedProperty().not());
        Button save = new Button("Save schedule");
        save.setId("schedule-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setOnAction(e -> save());
        Button fresh = new Button("New");
        fresh.setOnAction(e -> {
            table.getSelectionModel().clearSelection();
            clear();
        });
        Button run = new Button("Run now");
        run.disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        run.setOnAction(e -> model.runNow(table.getSelectionModel().getSelectedItem()));
        Button delete = new Button("Delete");
        delete.disableProperty().bind(run.disableProperty());
        delete.setOnAction(e -> model.deleteSchedule(table.getSelectionModel().getSelectedItem()));
        Label secrets = new Label();
        secrets.getStyleClass().add(Styles.TEXT_MUTED);
        secrets.setWrapText(true);
        Button unlock = new Button("Unlock secrets…");
        unlock.setOnAction(e -> unlock(secrets));
        unlock.setVisible(model.secrets().needsPassphrase());
        unlock.managedProperty().bind(unlock.visibleProperty());
        secrets.setText(model.secrets()
                .store()
                .map(s -> "Passwords are kept in " + s.describe() + ".")
                .orElse("This computer has no credential store: passwords are kept in "
                        + model.secrets().file() + ", encrypted with a passphrase you give once per session."));
        HBox bar = new HBox(8, save, fresh, run, delete, unlock);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(10, g, bar, secrets);
        box.setPadding(new Insets(10));
        return box;
    }

    private void unlock(Label status) {
        PasswordField field = new PasswordField();
        javafx.scene.control.Dialog<char[]> d = new javafx.scene.control.Dialog<>();
        d.setTitle("Unlock secrets");
        d.setHeaderText("The passphrase of " + model.secrets().file() + " (a new file takes the one you give now)");
        d.getDialogPane().setContent(field);
        d.getDialogPane()
                .getButtonTypes()
                .setAll(javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
        d.setResultConverter(
                b -> b == javafx.scene.control.ButtonType.OK ? field.getText().toCharArray() : null);
        d.initOwner(getScene().getWindow());
        d.showAndWait().ifPresent(p -> {
            try {
                model.secrets().unlock(p);
                status.setText("Passwords are kept in " + model.secrets().file() + ", unlocked for this session.");
            } catch (RuntimeException ex) {
                model.say(ex.getMessage());
            }
        });
    }

    private void clear() {
        editing = null;
        name.setText("");
        definition.getSelectionModel().selectFirst();
        period.setText("");
        frequency.setValue("monthly");
        day.getValueFactory().setValue(2);
        hour.getValueFactory().setValue(7);
        pdf.setSelected(true);
        xlsx.setSelected(false);
        pptx.setSelected(false);
        toFolder.setSelected(true);
        folder.setText("");
        host.setText("");
        port.getValueFactory().setValue(587);
        user.setText("");
        password.clear();
        from.setText("");
        to.setText("");
        enabled.setSelected(true);
    }

    private void load(Schedule s) {
        editing = s;
        name.setText(s.name());
        model.item(s.definition()).ifPresent(definition::setValue);
        period.setText(s.period());
        frequency.setValue(s.frequency().key());
        day.getValueFactory().setValue(s.day());
        hour.getValueFactory().setValue(s.hour());
        pdf.setSelected(s.formats().contains(Format.PDF));
        xlsx.setSelected(s.formats().contains(Format.XLSX));
        pptx.setSelected(s.formats().contains(Format.PPTX));
        password.clear();
        switch (s.delivery()) {
            case Schedule.ToFolder f -> {
                toFolder.setSelected(true);
                folder.setText(f.folder().toString());
            }
            case Schedule.ByEmail m -> {
                byMail.setSelected(true);
                host.setText(m.host());
                port.getValueFactory().setValue(m.port());
                user.setText(m.user());
                from.setText(m.from());
                to.setText(String.join(", ", m.to()));
            }
        }
        enabled.setSelected(s.enabled());
    }

    private void save() {
        try {
            ReportsViewModel.Item item = definition.getValue();
            if (item == null) {
                throw new InvalidSpecException("Choose the pack the schedule makes.");
            }
            Set<Format> formats = EnumSet.noneOf(Format.class);
            if (pdf.isSelected()) {
                formats.add(Format.PDF);
            }
            if (xlsx.isSelected()) {
                formats.add(Format.XLSX);
            }
            if (pptx.isSelected()) {
                formats.add(Format.PPTX);
            }
            Schedule.Delivery delivery = toFolder.isSelected()
                    ? new Schedule.ToFolder(Path.of(folder.getText().strip()))
                    : new Schedule.ByEmail(
                            host.getText().strip(),
                            port.getValue(),
                            user.getText(),
                            from.getText().strip(),
                            Arrays.stream(to.getText().split("[,;]"))
                                    .map(String::strip)
                                    .filter(x -> !x.isEmpty())
                                    .toList());
            Schedule s = new Schedule(
                    editing == null ? 0 : editing.id(),
                    name.getText().strip(),
                    item.reference(),
                    period.getText(),
                    Frequency.valueOf(frequency.getValue().toUpperCase(Locale.ROOT)),
                    day.getValue(),
                    hour.getValue(),
                    formats,
                    delivery,
                    enabled.isSelected(),
                    editing == null ? Instant.now() : editing.createdAt());
            model.saveSchedule(
                    s, password.getText().isEmpty() ? null : password.getText().toCharArray());
            password.clear();
        } catch (InvalidSpecException | java.nio.file.InvalidPathException e) {
            model.say(e.getMessage());
        }
    }
}
