package quant.core.routing;

import java.math.BigDecimal;
import java.util.List;
import quant.core.routing.RoutingProblem.Mode;
import quant.core.routing.RoutingProblem.Objective;
import quant.core.settings.BusinessSettings;
import quant.core.settings.Setting;

/**
 * The business settings route planning uses, read once: how travel is estimated from coordinates and
 * how plans are weighed.
 *
 * @param roadFactor road km per great-circle km
 * @param minutesPerTrip fixed minutes of every drive
 * @param minutesPerKm minutes per road km
 * @param costPerKm money per road km
 * @param returnHome whether days end back at the home base (and the drive home counts)
 * @param travelWeight weight of a minute of driving
 * @param fuelWeight weight of money spent per km
 * @param balanceWeight weight of a minute of workload imbalance
 * @param latenessWeight weight of a minute late, or NaN when windows are hard
 * @param priorityWeights weights of leaving a low, normal, high and emergency job unplanned
 */
public record RouteSettings(
        double roadFactor,
        double minutesPerTrip,
        double minutesPerKm,
        double costPerKm,
        boolean returnHome,
        double travelWeight,
        double fuelWeight,
        double balanceWeight,
        double latenessWeight,
        List<Double> priorityWeights) {

    public RouteSettings {
        priorityWeights = List.copyOf(priorityWeights);
    }

    public static final RouteSettings DEFAULTS = of(BusinessSettings.DEFAULTS);

    public static RouteSettings of(BusinessSettings s) {
        BigDecimal late = s.value(Setting.ROUTE_LATENESS_WEIGHT);
        return new RouteSettings(
                s.value(Setting.ROUTE_ROAD_FACTOR).doubleValue(),
                s.value(Setting.ROUTE_MINUTES_PER_TRIP).doubleValue(),
                s.value(Setting.ROUTE_MINUTES_PER_KM).doubleValue(),
                s.value(Setting.ROUTE_COST_PER_KM).doubleValue(),
                s.value(Setting.ROUTE_RETURN_HOME).intValue() == 1,
                s.value(Setting.ROUTE_TRAVEL_WEIGHT).doubleValue(),
                s.value(Setting.ROUTE_FUEL_WEIGHT).doubleValue(),
                s.value(Setting.ROUTE_BALANCE_WEIGHT).doubleValue(),
                late == null ? Double.NaN : late.doubleValue(),
                List.of(
                        s.value(Setting.ROUTE_WEIGHT_LOW).doubleValue(),
                        s.value(Setting.ROUTE_WEIGHT_NORMAL).doubleValue(),
                        s.value(Setting.ROUTE_WEIGHT_HIGH).doubleValue(),
                        s.value(Setting.ROUTE_WEIGHT_EMERGENCY).doubleValue()));
    }

    public boolean hardWindows() {
        return Double.isNaN(latenessWeight);
    }

    /** The plan's objective under these settings. */
    public Objective objective() {
        return new Objective(
                Mode.BUSINESS,
                hardWindows(),
                travelWeight,
                costPerKm,
                fuelWeight,
                balanceWeight,
                hardWindows() ? 0 : latenessWeight,
                priorityWeights);
    }

    /** Road km between two points: the great-circle distance (haversine, R = 6371 km) times the road factor. */
    public double roadKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1))
                        * Math.cos(Math.toRadians(lat2))
                        * Math.sin(dLon / 2)
                        * Math.sin(dLon / 2);
        return 2 * 6371.0 * Math.asin(Math.min(1, Math.sqrt(a))) * roadFactor;
    }

    /** Driving minutes for a road distance: the fixed minutes per trip plus minutes per km. */
    public double minutes(double roadKm) {
        return minutesPerTrip + minutesPerKm * roadKm;
    }
}
