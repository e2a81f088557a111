package quant.core.kpi;

/** The five sections the dashboard, the health score and the board pack group the KPIs in. */
public enum Section {
    FINANCE("Finance"),
    OPERATIONS("Operations"),
    CUSTOMERS("Customers"),
    SALES("Sales and marketing"),
    RISK("Risk");

    private final String title;

    Section(String title) {
        this.title = title;
    }

    /** "Sales and marketing". */
    public String title() {
        return title;
    }

    /** The key in JSON and on the command line: {@code finance}, {@code sales}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
