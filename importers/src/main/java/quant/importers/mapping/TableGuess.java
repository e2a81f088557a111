package quant.importers.mapping;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import quant.core.store.DomainTable;
import quant.core.store.TableColumn;

/**
 * The table a file most likely fills, proposed before the user chooses: each table scores one point
 * for every file header that {@link MappingSuggester} places on one of its columns by name, and three
 * for a file name that names the table the way exports do ({@code customers.csv}, a CRM's
 * {@code accounts.csv}, {@code opportunities.csv}, {@code work_orders.xlsx}). The highest score of at
 * least two wins; ties go to the table listed first. The user can always choose another.
 */
public final class TableGuess {
    /** Words in export file names, by the table they fill. */
    private static final Map<DomainTable, List<String>> FILE_WORDS = Map.ofEntries(
            Map.entry(DomainTable.CUSTOMER, List.of("customer", "account", "client", "compan", "contact")),
            Map.entry(DomainTable.DEAL, List.of("deal", "opportunit", "pipeline")),
            Map.entry(DomainTable.INVOICE, List.of("invoice", "bill")),
            Map.entry(DomainTable.PAYMENT, List.of("payment", "receipt", "charge")),
            Map.entry(DomainTable.JOB, List.of("job", "work_order", "workorder", "work order", "visit", "ticket")),
            Map.entry(DomainTable.PRODUCT, List.of("product", "item", "catalog", "price")),
            Map.entry(DomainTable.SALES_REP, List.of("sales_team", "sales team", "rep", "agent", "owner")),
            Map.entry(DomainTable.TECHNICIAN, List.of("technician", "tech", "crew", "staff", "employee")),
            Map.entry(DomainTable.LEAD, List.of("lead")),
            Map.entry(DomainTable.MARKETING_SPEND, List.of("marketing", "spend", "ad_", "ads")),
            Map.entry(DomainTable.CAMPAIGN, List.of("campaign")),
            Map.entry(DomainTable.EXPENSE, List.of("expense", "cost")),
            Map.entry(DomainTable.EQUIPMENT, List.of("equipment", "asset", "fleet", "vehicle")),
            Map.entry(DomainTable.SERVICE_LINE, List.of("service_line", "service line", "trade")),
            Map.entry(DomainTable.KPI_TARGET, List.of("kpi", "target", "goal")));

    private TableGuess() {}

    /**
     * @param columns each table's fillable columns
     * @return the proposed table, or null when nothing points to one
     */
    public static DomainTable guess(String fileName, List<String> header, Map<DomainTable, List<TableColumn>> columns) {
        String file = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        DomainTable best = null;
        int bestScore = 1;
        for (DomainTable t : DomainTable.values()) {
            List<TableColumn> cols = columns.get(t);
            if (cols == null || t == DomainTable.IMPORT_RUN) {
                continue;
            }
            int score = MappingSuggester.suggest(
                            header, cols.stream().map(TableColumn::name).toList())
                    .size();
            for (String w : FILE_WORDS.getOrDefault(t, List.of())) {
                if (file.contains(w)) {
                    score += 3;
                    break;
                }
            }
            if (score > bestScore) {
                best = t;
                bestScore = score;
            }
        }
        return best;
    }
}
