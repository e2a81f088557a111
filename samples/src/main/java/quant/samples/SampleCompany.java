package quant.samples;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import quant.core.store.DomainTable;

/**
 * The generated sample company: one {@link SampleTable} per domain table (the import audit
 * excepted), from {@link #START} to {@link #END}.
 */
public final class SampleCompany {
    /** The seed of the committed default sample. */
    public static final long DEFAULT_SEED = 20_260_101L;
    /** First day of the simulated history. */
    public static final LocalDate START = LocalDate.of(2022, 1, 1);
    /** Last day of the simulated history ("today" for the sample company). */
    public static final LocalDate END = LocalDate.of(2025, 12, 31);
    /** The value of {@code source} on every sample row. */
    public static final String SOURCE = "sample";

    private final Map<DomainTable, SampleTable> tables = new EnumMap<>(DomainTable.class);
    /** Deals waiting in a stall for at least a month at {@link #END}: what stalled-deal detection should find. */
    final java.util.Set<String> stalledAtEnd = new java.util.TreeSet<>();

    private final Map<String, Double> technicianSpeed = new java.util.TreeMap<>();
    private final Map<String, Double> technicianQuality = new java.util.TreeMap<>();

    /**
     * Each technician's speed by reference: the median of actual ÷ estimated hours the generator
     * draws their jobs' hours around (above 1 is slower than the estimate).
     */
    public Map<String, Double> technicianSpeed() {
        return Collections.unmodifiableMap(technicianSpeed);
    }

    /**
     * Each technician's quality by reference, 0.6 to 1.4: a job of theirs is called back with
     * probability 0.07 × (1.7 − quality) and rated higher the higher it is. The 2025 poor hire (T025,
     * quality −11) is the exception: nine in ten of his first visits come back, but his ratings are an
     * average technician's, less the callbacks' toll.
     */
    public Map<String, Double> technicianQuality() {
        return Collections.unmodifiableMap(technicianQuality);
    }

    private final java.util.List<String> anchorAccounts = new java.util.ArrayList<>();

    /**
     * The anchor accounts' references: the three commercial customers with the most invoiced in the
     * last year, who pay that year's invoices 90 to 180 days after they are due.
     */
    public java.util.List<String> anchorAccounts() {
        return java.util.Collections.unmodifiableList(anchorAccounts);
    }

    /**
     * What the equipment's history was drawn from (see {@code EquipmentHistory}).
     *
     * @param vanShape the Weibull shape of vans' virtual age at failure, in calendar days
     * @param vanScale its scale, in days
     * @param machineShape the Weibull shape of specialty machines' virtual age at failure, in hours of use
     * @param machineScale its scale, in hours of use
     * @param serviceEffect the share of the age accrued since the last service that a service takes away
     * @param skippedServices the share of services skipped
     * @param serviceInterval days between services
     */
    public record EquipmentTruth(
            double vanShape,
            double vanScale,
            double machineShape,
            double machineScale,
            double serviceEffect,
            double skippedServices,
            int serviceInterval) {}

    /**
     * How a quote's price is accepted: logit P(accept) = intercept − slope · ln(ratio), the ratio being
     * the deal's amount ÷ the product's list price, divided by the commercial uplift for a commercial
     * customer (commercial jobs are larger by that factor at the same price per unit of work).
     */
    public record PriceTruth(double slope, double intercept, double commercialUplift) {}

    /** How quotes' prices were accepted. */
    public PriceTruth priceTruth() {
        return SalesPipeline.PRICE;
    }

    /**
     * The premium on a job's labour price by its priority ({@code low}, {@code normal}, {@code high},
     * {@code emergency}): labour is billed at the line's rate × the estimated hours × this.
     */
    public static double priorityPremium(String priority) {
        return switch (priority) {
            case "low" -> 0.95;
            case "high" -> 1.15;
            case "emergency" -> 1.5;
            default -> 1.0;
        };
    }

    private EquipmentTruth equipmentTruth;

    /** What the equipment's history was drawn from. */
    public EquipmentTruth equipmentTruth() {
        return equipmentTruth;
    }

    void equipmentTruth(EquipmentTruth truth) {
        this.equipmentTruth = truth;
    }

    void anchor(String ref) {
        anchorAccounts.add(ref);
    }

    void technician(String ref, double speed, double quality) {
        technicianSpeed.put(ref, speed);
        technicianQuality.put(ref, quality);
    }

    void put(SampleTable table) {
        tables.put(table.table(), table);
    }

    /** The tables, in {@link DomainTable} order (an order that never breaks a foreign key). */
    public Map<DomainTable, SampleTable> tables() {
        return Collections.unmodifiableMap(tables);
    }

    public SampleTable table(DomainTable t) {
        return tables.get(t);
    }
}
