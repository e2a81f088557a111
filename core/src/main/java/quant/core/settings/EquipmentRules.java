package quant.core.settings;

/**
 * The equipment analysis' rules, from the business settings.
 *
 * @param serviceIntervalDays days between planned services
 * @param graceDays days after the due date a service still counts as on time
 * @param horizonDays the window of the failure risk that decides the suggested service date
 * @param riskLevel the risk within that window from which a service is suggested
 */
public record EquipmentRules(int serviceIntervalDays, int graceDays, int horizonDays, double riskLevel) {
    /** The settings' defaults: every 90 days, 14 days' grace, service when the 30-day risk reaches 10 %. */
    public static final EquipmentRules DEFAULTS = new EquipmentRules(90, 14, 30, 0.10);
}
