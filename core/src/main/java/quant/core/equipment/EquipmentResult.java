package quant.core.equipment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import quant.core.analysis.AsOf;
import quant.core.settings.EquipmentRules;
import quant.core.stats.KaplanMeier;
import quant.core.stats.Weibull;

/**
 * The fleet's reliability at an as-of date.
 *
 * @param historyStart the first day of the records (of the job history): runs under way then enter
 *     observation at their age on the day before
 * @param rules the service interval and grace, the risk horizon and level used
 * @param groups the survival of each group of assets (a type with enough failures of its own, else the
 *     machines measured by hours of use and the other assets by days)
 * @param assets one row per asset, the highest 90-day failure risk first
 * @param events with one asset asked for, its history; empty for the whole fleet
 */
public record EquipmentResult(
        @JsonIgnore AsOf asOf,
        LocalDate historyStart,
        EquipmentRules rules,
        List<Group> groups,
        List<Asset> assets,
        List<Event> events,
        List<String> notes,
        List<String> definitions)
        implements quant.core.analysis.Dated {
    @JsonProperty("asOf")
    public LocalDate asOfDate() {
        return asOf.date();
    }

    @JsonProperty("asOfFromData")
    public boolean asOfFromData() {
        return asOf.fromData();
    }

    /**
     * One group's survival of time between failures.
     *
     * @param clock {@code days} or {@code hours} (of use)
     * @param runs runs observed (failed or censored)
     * @param failures runs that ended in a failure
     * @param entryFrom the youngest age at which a run entered observation (0 when one started in the records)
     * @param steps the Kaplan–Meier curve
     * @param shape the Weibull shape, NaN (null in JSON) when there is no fit; likewise the others
     * @param fitNote why there is no Weibull fit, or null
     */
    public record Group(
            String name,
            String clock,
            int assets,
            int runs,
            int failures,
            double entryFrom,
            double medianLife,
            List<KaplanMeier.Step> steps,
            double shape,
            double shapeLower,
            double shapeUpper,
            double scale,
            double scaleLower,
            double scaleUpper,
            double logLikelihood,
            String fitNote,
            @JsonIgnore KaplanMeier estimate,
            @JsonIgnore Weibull weibull) {}

    /**
     * One asset.
     *
     * @param state {@code running}, {@code under repair} or {@code retired}
     * @param ageYears years since it was bought, to the as-of date or its retirement (NaN when not known)
     * @param usageHours hours it worked in the records: its jobs' hours (a van: its technician's job and
     *     travel hours while it served)
     * @param servicesDue services due in the records by the interval; servicesOnTime those done by their
     *     due date plus the grace; compliance their ratio (NaN when none was due)
     * @param downtimeHours hours out of service recorded (failures, services, other downtime)
     * @param repairCost the cost of its failures and repairs
     * @param revenue of the jobs it served (a van: its technician's jobs while it served); margin their
     *     revenue less their direct costs
     * @param annualReturn (margin − maintenance − repairs) a year ÷ what it cost
     * @param revenuePerHour revenue ÷ usage hours
     * @param currentAge its age in the clock since its last renewal (NaN when not running or not known)
     * @param risk30 the chance it fails in the next 30 days, given its age; risk90 in 90 (NaN when the
     *     curve does not reach that far, or it is not running)
     * @param riskBasis {@code weibull}, {@code kaplan-meier} or {@code none}
     * @param suggestedService the day a service is suggested from (the as-of date when already due); null
     *     with the reason in serviceNote
     * @param serviceCost what a service of it costs on average (its own, else its group's)
     * @param expectedFailureCost a failure's repair cost plus its downtime × revenue per hour (its group's
     *     averages)
     * @param expected90 risk90 × expectedFailureCost
     */
    public record Asset(
            String ref,
            String name,
            String type,
            String group,
            String clock,
            LocalDate purchased,
            LocalDate retired,
            String state,
            double ageYears,
            double usageHours,
            int services,
            int servicesDue,
            int servicesOnTime,
            double compliance,
            int failures,
            double downtimeHours,
            double maintenanceCost,
            double repairCost,
            double revenue,
            double margin,
            double annualReturn,
            double revenuePerHour,
            double currentAge,
            double risk30,
            double risk90,
            String riskBasis,
            LocalDate suggestedService,
            String serviceNote,
            double serviceCost,
            double expectedFailureCost,
            double expected90) {}

    /** One thing that happened to an asset. */
    public record Event(String asset, LocalDate day, String type, double downtimeHours, double cost, String notes) {}
}
