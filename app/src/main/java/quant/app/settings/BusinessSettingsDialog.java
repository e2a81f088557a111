package quant.app.settings;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import quant.core.settings.BusinessSettings;
import quant.core.settings.Setting;

/**
 * The business settings of the open database in one form: each setting with its value, unit,
 * default and what it does; values are checked as they are typed, and Save is only possible when
 * all of them are valid. Returns the settings to save, or nothing when cancelled or unchanged.
 */
public final class BusinessSettingsDialog extends Dialog<BusinessSettings> {
    /** The button that puts every field back to its default. */
    public static final ButtonType DEFAULTS = new ButtonType("Restore defaults", ButtonBar.ButtonData.LEFT);

    private final BusinessSettingsForm form;

    /** Section titles by the settings' key prefix, in the order the settings are declared. */
    private static final java.util.Map<String, String> SECTIONS = java.util.Map.ofEntries(
            java.util.Map.entry("company", "Company"),
            java.util.Map.entry("customers", "Customers"),
            java.util.Map.entry("cash", "Cash"),
            java.util.Map.entry("pipeline", "Pipeline"),
            java.util.Map.entry("routing", "Route planning"),
            java.util.Map.entry("backups", "Backups"),
            java.util.Map.entry("report", "Exported documents"),
            java.util.Map.entry("technicians", "Technicians"),
            java.util.Map.entry("profitability", "Profitability"),
            java.util.Map.entry("receivables", "Receivables"),
            java.util.Map.entry("finance", "Finance monitors"),
            java.util.Map.entry("equipment", "Equipment"),
            java.util.Map.entry("pricing", "Pricing"),
            java.util.Map.entry("kpi", "KPIs, health and alerts"));

    public BusinessSettingsDialog(Window owner, BusinessSettings current, boolean readOnly) {
        this.form = new BusinessSettingsForm(current);
        initOwner(owner);
        setTitle("Business settings");
        setHeaderText("Defaults the analyses use for this company, stored in its database."
                + (readOnly ? "\nThis database is open read-only: the settings can be seen, not changed." : ""));
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.setPadding(new Insets(12, 4, 4, 4));
        ColumnConstraints wide = new ColumnConstraints(260, 360, Double.MAX_VALUE);
        wide.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(fitted(), new ColumnConstraints(90), fitted(), fitted(), wide);
        grid.addRow(0, header("Setting"), header("Value"), header("Unit"), header("Default"), header("What it does"));
        int row = 1;
        String group = "";
        for (Setting s : Setting.values()) {
            String prefix = s.key().substring(0, s.key().indexOf('.'));
            if (!prefix.equals(group)) {
                group = prefix;
                Label section = header(SECTIONS.getOrDefault(prefix, prefix));
                section.setPadding(new Insets(row == 1 ? 0 : 10, 0, 0, 0));
                grid.add(section, 0, row++, 5, 1);
            }
            Label name = new Label(s.label());
            TextField field = new TextField();
            field.textProperty().bindBidirectional(form.text(s));
            field.setId("setting-" + s.key().replace('.', '-'));
            field.setEditable(!readOnly);
            field.setTooltip(new Tooltip(s.description() + "\n" + s.range()));
            name.setLabelFor(field);
            Label meaning = new Label(s.description());
            meaning.setWrapText(true);
            meaning.getStyleClass().add("text-muted");
            grid.addRow(
                    row++,
                    name,
                    field,
                    new Label(
                            s.unit() == Setting.Unit.MONEY
                                    ? current.currency().getCurrencyCode()
                                    : s.unit().words()),
                    new Label(
                            s == Setting.CURRENCY || s == Setting.PAPER
                                    ? "the computer's"
                                    : s == Setting.OVERHEAD_BY ? "hours" : s.isOptional() ? "none" : s.defaultText()),
                    meaning);
        }
        Label error = new Label();
        error.textProperty().bind(form.errorProperty());
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.setId("settings-error");
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(540);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        VBox content = new VBox(8, scroll, error);
        getDialogPane().setContent(content);
        getDialogPane().setMinWidth(980);
        getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        setResizable(true);
        if (readOnly) {
            getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        } else {
            getDialogPane().getButtonTypes().setAll(DEFAULTS, ButtonType.CANCEL, ButtonType.OK);
            Button defaults = (Button) getDialogPane().lookupButton(DEFAULTS);
            defaults.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
                form.restoreDefaults();
                e.consume();
            });
            Node save = getDialogPane().lookupButton(ButtonType.OK);
            ((Button) save).setText("Save");
            save.disableProperty().bind(form.resultProperty().isNull());
        }
        setResultConverter(b ->
                b == ButtonType.OK && form.changed() ? form.resultProperty().get() : null);
    }

    /** A column as wide as its widest cell, never narrower. */
    private static ColumnConstraints fitted() {
        ColumnConstraints c = new ColumnConstraints();
        c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return c;
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("text-bold");
        return l;
    }
}
