package quant.core.equipment;

import java.time.LocalDate;
import java.util.Optional;
import quant.core.settings.BusinessSettings;
import quant.core.settings.EquipmentRules;

/**
 * What the equipment analysis computes.
 *
 * @param asOf the date (default: the last activity in the data)
 * @param asset one asset's reference, to see it alone with its history; empty for the whole fleet
 * @param rules the service interval and grace, and when to suggest a service
 */
public record EquipmentSpec(Optional<LocalDate> asOf, Optional<String> asset, EquipmentRules rules) {
    /** The whole fleet at the last activity, with the settings' defaults. */
    public static final EquipmentSpec DEFAULT = of(BusinessSettings.DEFAULTS);

    /** The whole fleet with the rules of these settings. */
    public static EquipmentSpec of(BusinessSettings settings) {
        return new EquipmentSpec(Optional.empty(), Optional.empty(), settings.equipmentRules());
    }

    public EquipmentSpec withAsOf(LocalDate date) {
        return new EquipmentSpec(Optional.ofNullable(date), asset, rules);
    }

    public EquipmentSpec withAsset(String ref) {
        return new EquipmentSpec(asOf, Optional.ofNullable(ref).filter(r -> !r.isBlank()), rules);
    }
}
