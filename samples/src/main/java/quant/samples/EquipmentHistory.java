package quant.samples;

import java.time.LocalDate;
import java.util.List;
import quant.core.store.DomainTable;

/**
 * Equipment rows and their maintenance, failures and repairs. Planned maintenance every 90 ± 20
 * days; a failure's monthly probability rises with age (0.8% + 0.5% per year) and halves for a
 * machine serviced in the last 60 days; each failure is repaired one to five days later.
 */
final class EquipmentHistory {
    private EquipmentHistory() {}

    static void generate(Rng rng, SampleCompany company, List<Workforce.Equipment> fleet) {
        SampleTable events = new SampleTable(
                DomainTable.EQUIPMENT_EVENT,
                "external_ref",
                "equipment_ref",
                "event_type",
                "occurred_on",
                "downtime_hours",
                "cost",
                "notes");
        int n = 0;
        for (Workforce.Equipment e : fleet) {
            e.table.add(
                    e.ref,
                    e.name,
                    e.type,
                    e.line == null ? null : e.line.code(),
                    e.tech == null ? null : e.tech.ref,
                    e.purchased,
                    Values.money(e.cost),
                    java.math.BigDecimal.valueOf(Math.round(e.usageHours * 10) / 10.0),
                    null);
            LocalDate lastService = SampleCompany.START.minusDays(rng.between(0, 80));
            LocalDate nextService = lastService.plusDays(rng.between(70, 110));
            for (LocalDate day = SampleCompany.START; !day.isAfter(SampleCompany.END); day = day.plusDays(7)) {
                if (!day.isBefore(nextService)) {
                    double cost = e.cost * 0.004 * rng.logNormal(0.3);
                    events.add(
                            "EV%05d".formatted(++n),
                            e.ref,
                            "maintenance",
                            day,
                            hours(rng.uniform(1, 4)),
                            Values.money(cost),
                            "Planned service");
                    lastService = day;
                    nextService = day.plusDays(rng.between(70, 110));
                }
                double ageYears = (day.toEpochDay() - e.purchased.toEpochDay()) / 365.25;
                double monthly = 0.008 + 0.005 * ageYears;
                if (day.toEpochDay() - lastService.toEpochDay() < 60) {
                    monthly /= 2;
                }
                if (rng.chance(monthly / 4.3)) {
                    double downtime = rng.uniform(4, 72);
                    events.add(
                            "EV%05d".formatted(++n),
                            e.ref,
                            "failure",
                            day,
                            hours(downtime),
                            null,
                            rng.pick(new String[] {
                                "Would not start",
                                "Hydraulic leak",
                                "Electrical fault",
                                "Worn drive belt",
                                "Sensor failure"
                            }));
                    LocalDate repaired = day.plusDays(rng.between(1, 5));
                    if (!repaired.isAfter(SampleCompany.END)) {
                        events.add(
                                "EV%05d".formatted(++n),
                                e.ref,
                                "repair",
                                repaired,
                                null,
                                Values.money(e.cost * 0.02 * rng.logNormal(0.6)),
                                "Repair after failure");
                    }
                }
            }
        }
        company.put(events);
    }

    private static java.math.BigDecimal hours(double h) {
        return java.math.BigDecimal.valueOf(Math.round(h * 10) / 10.0);
    }
}
