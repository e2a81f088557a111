package quant.samples;

/**
 * A service line of the sample company and the assumptions that drive its jobs.
 *
 * @param seasonality twelve monthly demand factors, January first, averaging about 1
 * @param estimatedHours the range of estimated hours of a job
 * @param hourlyRate the flat-rate price per estimated hour charged to the customer
 * @param materialCost the mean material cost of a job
 * @param equipmentRate the cost per hour of the line's specialty equipment
 */
record ServiceLineSpec(
        String code,
        String name,
        double[] seasonality,
        double minHours,
        double maxHours,
        double hourlyRate,
        double materialCost,
        double equipmentRate) {

    static final ServiceLineSpec HVAC = new ServiceLineSpec(
            "HVAC",
            "Heating & cooling",
            new double[] {1.55, 1.3, 0.9, 0.65, 0.8, 1.25, 1.7, 1.5, 0.9, 0.65, 0.95, 1.45},
            1.0,
            4.0,
            135,
            140,
            6);
    static final ServiceLineSpec PLUMBING = new ServiceLineSpec(
            "PLUMB",
            "Plumbing",
            new double[] {1.3, 1.25, 1.0, 0.9, 0.85, 0.85, 0.9, 0.9, 0.9, 0.95, 1.05, 1.25},
            1.0,
            3.5,
            120,
            90,
            5);
    static final ServiceLineSpec ELECTRICAL = new ServiceLineSpec(
            "ELEC",
            "Electrical",
            new double[] {0.95, 0.95, 1.0, 1.0, 1.0, 1.05, 1.1, 1.1, 1.0, 1.0, 0.95, 0.9},
            1.0,
            3.5,
            125,
            70,
            4);
    static final ServiceLineSpec LANDSCAPING = new ServiceLineSpec(
            "LAND",
            "Landscaping",
            new double[] {0.25, 0.35, 1.0, 2.0, 2.1, 1.6, 1.3, 1.2, 1.1, 0.9, 0.45, 0.25},
            2.0,
            6.0,
            70,
            60,
            12);
    static final ServiceLineSpec ROOFING = new ServiceLineSpec(
            "ROOF",
            "Roofing",
            new double[] {0.5, 0.55, 0.8, 1.0, 1.1, 1.15, 1.15, 1.1, 1.0, 0.9, 0.7, 0.5},
            3.0,
            7.0,
            105,
            380,
            15);

    static final ServiceLineSpec[] ALL = {HVAC, PLUMBING, ELECTRICAL, LANDSCAPING, ROOFING};

    double season(int month) {
        return seasonality[month - 1];
    }

    int index() {
        for (int i = 0; i < ALL.length; i++) {
            if (ALL[i] == this) {
                return i;
            }
        }
        throw new IllegalStateException(code);
    }
}
