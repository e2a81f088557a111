package quant.core.analysis;

/**
 * The equipment parts of a {@link Snapshot}: the fleet (vans, specialty machines) and what happened
 * to each asset (maintenance, failures, repairs, downtime). Jobs name the machine they used by id
 * ({@link Snapshot.Jobs#equipmentId}).
 */
public final class Assets {
    private Assets() {}

    /** The fleet, in id order. */
    public static final class Equipment extends TableRows {
        public static final Part<Equipment> PART = Part.table("equipment", "equipment", "e")
                .text("ref", "external_ref")
                .text("name", "name")
                .code("type", "equipment_type")
                .ref("line", "service_line_id", Snapshot.ServiceLines.PART)
                .ref("technician", "technician_id", Operations.Technicians.PART)
                .day("purchased", "purchased_on")
                .number("cost", "cost")
                .number("usage", "usage_hours")
                .day("retired", "retired_on")
                .holdIn(Equipment::new);

        final String[] ref;
        final String[] name;
        final int[] type;
        final Codes types;
        final int[] serviceLine;
        final int[] technician;
        final int[] purchasedDay;
        final double[] cost;
        final double[] usageHours;
        final int[] retiredDay;

        Equipment(Rows r) {
            super(r);
            ref = r.texts("ref");
            name = r.texts("name");
            type = r.ints("type");
            types = r.codes("type");
            serviceLine = r.ints("line");
            technician = r.ints("technician");
            purchasedDay = r.ints("purchased");
            cost = r.numbers("cost");
            usageHours = r.numbers("usage");
            retiredDay = r.ints("retired");
        }

        public String ref(int i) {
            return ref[i];
        }

        public String name(int i) {
            return name[i];
        }

        /** The type's code in {@link #types()} ({@code van}, {@code jetter}, …). */
        public int type(int i) {
            return type[i];
        }

        public Codes types() {
            return types;
        }

        /** The service line it serves (index in {@link Snapshot#serviceLines()}), or -1. */
        public int serviceLine(int i) {
            return serviceLine[i];
        }

        /** The technician it is assigned to (row of {@link Snapshot#technicians()}), or -1. */
        public int technician(int i) {
            return technician[i];
        }

        /** The day it was bought, or {@link Snapshot#NO_DAY}. */
        public int purchasedDay(int i) {
            return purchasedDay[i];
        }

        /** What it cost, NaN when not known. */
        public double cost(int i) {
            return cost[i];
        }

        /** Its hours of use as the register states them, NaN when not known. */
        public double usageHours(int i) {
            return usageHours[i];
        }

        /** The day it left service, or {@link Snapshot#NO_DAY}. */
        public int retiredDay(int i) {
            return retiredDay[i];
        }
    }

    /** Maintenance, failures, repairs and downtime, in id order. */
    public static final class Events extends TableRows {
        /** Event kinds (the schema allows these four). */
        public static final byte MAINTENANCE = 0;

        public static final byte FAILURE = 1;
        public static final byte REPAIR = 2;
        public static final byte DOWNTIME = 3;

        public static final Part<Events> PART = Part.table("equipment events", "equipment_event", "v")
                .ref("asset", "equipment_id", Equipment.PART)
                .code("type", "event_type")
                .day("day", "occurred_on")
                .number("downtime", "downtime_hours")
                .number("cost", "cost")
                .text("notes", "notes")
                .holdIn(Events::new);

        final int[] asset;
        final byte[] type;
        final int[] day;
        final double[] downtimeHours;
        final double[] cost;
        final String[] notes;

        Events(Rows r) {
            super(r);
            asset = r.ints("asset");
            type = r.bytes(
                    "type",
                    t -> t == null
                            ? DOWNTIME
                            : switch (t) {
                                case "maintenance" -> MAINTENANCE;
                                case "failure" -> FAILURE;
                                case "repair" -> REPAIR;
                                default -> DOWNTIME;
                            });
            day = r.ints("day");
            downtimeHours = r.numbersOrZero("downtime");
            cost = r.numbersOrZero("cost");
            notes = r.texts("notes");
        }

        /** The asset's row in {@link Equipment}, or -1. */
        public int asset(int i) {
            return asset[i];
        }

        /** {@link #MAINTENANCE}, {@link #FAILURE}, {@link #REPAIR} or {@link #DOWNTIME}. */
        public byte type(int i) {
            return type[i];
        }

        public int day(int i) {
            return day[i];
        }

        /** Hours out of service, 0 when not recorded. */
        public double downtimeHours(int i) {
            return downtimeHours[i];
        }

        /** What it cost, 0 when not recorded. */
        public double cost(int i) {
            return cost[i];
        }

        public String notes(int i) {
            return notes[i];
        }
    }
}
