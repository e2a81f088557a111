package quant.samples;

/** Made-up names and places for the sample company; any likeness to real people is chance. */
final class Names {
    static final String[] FIRST = {
        "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
        "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Carlos", "Karen",
        "Daniel", "Lisa", "Matthew", "Nancy", "Anthony", "Betty", "Mark", "Sandra", "Luis", "Ashley",
        "Steven", "Kimberly", "Andrew", "Emily", "Paul", "Donna", "Joshua", "Michelle", "Kenneth", "Carol",
        "Kevin", "Amanda", "Brian", "Melissa", "Tyler", "Deborah", "Omar", "Stephanie", "Jorge", "Rebecca",
        "Wei", "Priya", "Aisha", "Mateo", "Sofia", "Noah", "Olivia", "Ethan", "Ava", "Hannah"
    };
    static final String[] LAST = {
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
        "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
        "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
        "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts",
        "Patel", "Kim", "Chen", "Novak", "Schmidt", "Olsen", "Murphy", "Reyes", "Brooks", "Foster"
    };
    static final String[] BUSINESS_KIND = {
        "Dental",
        "Bakery",
        "Property Management",
        "Auto Repair",
        "Veterinary Clinic",
        "Law Office",
        "Coffee House",
        "Fitness Studio",
        "Church",
        "Daycare",
        "Apartments",
        "Brewing",
        "Pharmacy",
        "Medical Plaza",
        "Storage",
        "Restaurant",
        "Hotel",
        "School",
        "Office Park",
        "Grocery"
    };
    static final String[] STREETS = {
        "Maple", "Oak", "Pine", "Cedar", "Elm", "Aspen", "Willow", "Birch", "Spruce", "Juniper",
        "Mesa", "Canyon", "Ridge", "Prairie", "Summit", "Sunset", "Lakeview", "Highland", "Meadow", "Boulder"
    };
    static final String[] STREET_KIND = {"St", "Ave", "Dr", "Ct", "Ln", "Way", "Blvd", "Pl"};

    /** Towns of a fictional metro area, with a centre (lat, lon) and a ZIP prefix. */
    record Town(String name, double lat, double lon, String zipPrefix) {}

    static final Town[] TOWNS = {
        new Town("Riverton", 39.742, -104.991, "802"),
        new Town("Cedar Falls", 39.860, -104.870, "806"),
        new Town("Oak Hollow", 39.620, -105.090, "801"),
        new Town("Pine Bluff", 39.930, -105.050, "800"),
        new Town("Mesa Park", 39.580, -104.880, "801"),
        new Town("Westridge", 39.760, -105.210, "804"),
        new Town("Brookfield", 40.010, -105.270, "803")
    };

    private Names() {}
}
