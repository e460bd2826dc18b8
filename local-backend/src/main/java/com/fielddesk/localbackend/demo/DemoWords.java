package com.fielddesk.localbackend.demo;

import java.util.List;
import java.util.Map;

/** Small built-in word lists for names, addresses and job texts (no downloads, no network). */
final class DemoWords {

    static final List<String> FIRST_NAMES = List.of(
            "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
            "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Christopher", "Karen",
            "Charles", "Lisa", "Daniel", "Nancy", "Matthew", "Betty", "Anthony", "Sandra", "Mark", "Ashley",
            "Steven", "Kimberly", "Paul", "Emily", "Andrew", "Donna", "Joshua", "Michelle", "Kenneth", "Carol",
            "Kevin", "Amanda", "Brian", "Melissa", "Timothy", "Deborah", "Ronald", "Stephanie", "Jason", "Rebecca",
            "Ryan", "Laura", "Jacob", "Sharon", "Gary", "Cynthia", "Nicholas", "Kathleen", "Eric", "Amy",
            "Wei", "Mei", "Arjun", "Ananya", "Mateo", "Lucia", "Omar", "Fatima", "Kenji", "Hana",
            "Diego", "Camila", "Ivan", "Olga", "Kwame", "Amara", "Liam", "Noor", "Tariq", "Ingrid");

    static final List<String> LAST_NAMES = List.of(
            "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
            "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
            "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
            "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
            "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts",
            "Chen", "Patel", "Kim", "Nakamura", "Olsen", "Larsen", "Schmidt", "Novak", "Mensah", "O'Brien",
            "Fitzgerald", "Haddad", "Yilmaz", "Kowalczyk", "Silva", "Costa", "Ivanova", "Sato", "Gupta", "Bauer");

    static final List<String> STREET_NAMES = List.of(
            "Alder", "Burnside", "Division", "Hawthorne", "Belmont", "Stark", "Glisan", "Fremont", "Killingsworth",
            "Alberta", "Broadway", "Sandy", "Powell", "Holgate", "Woodstock", "Foster", "Multnomah", "Macadam",
            "Vista", "Canyon", "Cedar Hills", "Murray", "Scholls Ferry", "Boones Ferry", "Kruse Way", "Lake Grove",
            "Johnson Creek", "King", "Monroe", "Harrison", "Lincoln", "Clinton", "Tibbetts", "Salmon", "Taylor",
            "Yamhill", "Everett", "Flanders", "Irving", "Overton", "Pettygrove", "Raleigh", "Thurman", "Vaughn");

    static final List<String> STREET_SUFFIXES = List.of("St", "Ave", "Blvd", "Rd", "Dr", "Ct", "Ln", "Way", "Pl");

    static final List<String> DIRECTIONS = List.of("NE", "SE", "NW", "SW", "N", "");

    static final List<String> ADDRESS_LABELS = List.of("Home", "Rental", "Office", "Shop", "Cabin", "Duplex");

    static final List<String> ACCESS_NOTES = List.of(
            "Gate code 4417.", "Dog in the backyard; please knock first.", "Park in the alley behind the garage.",
            "Key under the planter by the side door.", "Call 15 minutes before arrival.",
            "Tenant works nights; mornings after 11 only.", "Use the side entrance; front steps are being repaired.",
            "Crawlspace access is in the hallway closet.");

    static final List<String> CUSTOMER_NOTES = List.of(
            "Prefers text messages over calls.", "Long-time customer; ask about the maintenance plan.",
            "Property manager for several rentals.", "Pays by check on completion.",
            "Asked for weekend appointments when possible.", "Senior discount applies.",
            "Has a service agreement renewal due in spring.");

    /** Titles of work per trade, each with a typical price range in dollars. */
    static final Map<String, List<Job>> JOBS = Map.of(
            "hvac", List.of(
                    new Job("Furnace not heating", "Furnace runs but blows cold air; pilot may be out.", 150, 900),
                    new Job("AC tune-up", "Seasonal air conditioning inspection, coil cleaning and refrigerant check.", 120, 260),
                    new Job("Heat pump replacement", "Replace the failing heat pump with a 3-ton variable-speed unit.", 6500, 12500),
                    new Job("Thermostat install", "Install and configure a smart thermostat; check the C-wire.", 180, 420),
                    new Job("Ductwork repair", "Reseal leaking ducts in the attic and replace a crushed run.", 400, 2200),
                    new Job("Furnace maintenance", "Annual furnace safety check, filter change and burner cleaning.", 110, 240),
                    new Job("Mini-split installation", "Install a ductless mini-split in the converted garage.", 3200, 6800),
                    new Job("No cooling upstairs", "Upstairs bedrooms stay warm; check airflow and the blower motor.", 180, 950),
                    new Job("Carbon monoxide alarm", "CO alarm went off near the furnace; inspect the heat exchanger.", 150, 600)),
            "plumbing", List.of(
                    new Job("Water heater replacement", "Replace the leaking 50-gallon gas water heater.", 1400, 3200),
                    new Job("Clogged kitchen drain", "Kitchen sink drains slowly; snake the line.", 150, 450),
                    new Job("Leaking faucet", "Bathroom faucet drips constantly; replace the cartridge.", 120, 320),
                    new Job("Sewer line camera inspection", "Recurring backups; camera the main line to the street.", 250, 600),
                    new Job("Burst pipe", "Pipe burst in the crawlspace; water shut off at the meter.", 350, 2400),
                    new Job("Toilet running", "Toilet keeps running; replace the fill valve and flapper.", 110, 280),
                    new Job("Repipe bathroom", "Replace galvanized supply lines in the main bathroom with PEX.", 2200, 5200),
                    new Job("Sump pump install", "Install a sump pump with battery backup in the basement.", 900, 2100),
                    new Job("Garbage disposal replacement", "Disposal hums but does not turn; replace the unit.", 250, 550)),
            "electrical", List.of(
                    new Job("Panel upgrade to 200A", "Upgrade the 100A panel to 200A service for an EV charger.", 2500, 4800),
                    new Job("EV charger installation", "Install a 48A Level 2 charger in the garage.", 900, 2200),
                    new Job("Flickering lights", "Lights flicker in the kitchen and living room; check connections.", 150, 700),
                    new Job("GFCI outlets", "Add GFCI protection to the bathroom and kitchen outlets.", 180, 600),
                    new Job("Breaker keeps tripping", "Breaker for the bedrooms trips nightly; find the fault.", 150, 800),
                    new Job("Recessed lighting", "Install eight LED recessed lights in the family room.", 900, 2400),
                    new Job("Whole-house surge protector", "Install a surge protector at the main panel.", 350, 750),
                    new Job("Knob-and-tube replacement", "Replace knob-and-tube wiring on the second floor.", 4500, 11000),
                    new Job("Outdoor lighting", "Add motion-sensor flood lights over the driveway.", 300, 900)));

    /** Things a customer writes when they post a lead, per trade. */
    static final Map<String, List<String>> LEAD_TEXTS = Map.of(
            "hvac", List.of(
                    "Our furnace stopped working last night and the house is getting cold.",
                    "AC makes a loud rattling noise when it starts up.",
                    "Looking for a quote to replace a 20-year-old furnace.",
                    "Heat pump is frozen over and not heating.",
                    "Want a ductless unit for a home office above the garage.",
                    "Thermostat screen is blank and nothing turns on.",
                    "Strange burning smell from the vents when the heat runs."),
            "plumbing", List.of(
                    "Water heater is leaking onto the garage floor.",
                    "Basement floor drain is backing up after heavy rain.",
                    "No hot water since this morning.",
                    "Need a quote to replace old galvanized pipes.",
                    "Toilet overflowed and the shutoff valve is stuck.",
                    "Low water pressure in the whole house.",
                    "Kitchen sink and dishwasher both draining very slowly."),
            "electrical", List.of(
                    "Half the outlets in the living room stopped working.",
                    "Need a Level 2 EV charger installed before next month.",
                    "Breaker trips whenever the microwave and kettle run together.",
                    "Buzzing sound coming from the electrical panel.",
                    "Want to add outdoor outlets and lighting to the patio.",
                    "Lights dim when the air conditioner kicks on.",
                    "Buying an older home and need the wiring inspected."));

    static final List<String> CUSTOMER_MESSAGES = List.of(
            "Hi, just checking what time the technician will arrive?",
            "Can we move the appointment to the afternoon?",
            "Thanks, the system is working great now.",
            "Is there a warranty on the parts you installed?",
            "The noise came back this morning, could someone take another look?",
            "Please use the side gate, the front is blocked by a delivery.",
            "What payment methods do you accept?",
            "Could you send the quote by email as well?",
            "We approved the quote, when can you start?",
            "Our dog will be home, she is friendly.");

    static final List<String> STAFF_MESSAGES = List.of(
            "Thanks for reaching out! Your technician is scheduled for the window shown on your job.",
            "We can do that. I've moved your appointment and you'll get a confirmation shortly.",
            "Glad to hear it! Let us know if anything changes.",
            "All parts carry a one-year warranty and our labor is guaranteed for 90 days.",
            "Sorry to hear that. I've opened a follow-up visit at no charge.",
            "Noted, I've added that to the access notes for the crew.",
            "We accept cash, check, card and bank transfer.",
            "The quote is attached to this job; I've also emailed it to you.",
            "Great news. We'll call you today to schedule the work.",
            "Our technician is on the way and should arrive within 30 minutes.");

    static final List<String> INTERNAL_SUBJECTS = List.of(
            "Parts on backorder", "Customer asked for a senior discount", "Need a second tech for this one",
            "Permit required?", "Reschedule due to weather", "Truck 3 maintenance", "Holiday on-call rotation",
            "New pricing for service calls", "Warranty claim with the manufacturer", "Training day next Friday",
            "Inventory count this week", "Follow-up on callback");

    static final List<String> INTERNAL_MESSAGES = List.of(
            "Supplier says the part ships Thursday.", "I can cover this if someone swaps my Friday slot.",
            "Customer was upset about the delay; please call them first.", "Permit is filed, waiting for approval.",
            "Added photos to the job folder.", "Approved. Go ahead.", "Can we bundle this with the maintenance visit?",
            "Truck 3 is in the shop until Wednesday.", "Reminder: log your hours before Monday.",
            "I'll take this one, I'm in the area.", "Please double-check the model number before ordering.",
            "Manager approved the discount.");

    static final Map<String, List<String>> INVOICE_ITEMS = Map.of(
            "hvac", List.of("Diagnostic visit", "Labor (per hour)", "Air filter 16x25x1", "Capacitor 45/5 MFD",
                    "Refrigerant R-410A (per lb)", "Blower motor", "Smart thermostat", "Condensate pump", "Duct sealing"),
            "plumbing", List.of("Diagnostic visit", "Labor (per hour)", "Faucet cartridge", "Fill valve kit",
                    "PEX supply line (per ft)", "Water heater 50 gal", "Drain snaking", "Shutoff valve", "Wax ring"),
            "electrical", List.of("Diagnostic visit", "Labor (per hour)", "GFCI outlet", "20A breaker",
                    "LED recessed light", "Surge protector", "Wire 12/2 (per ft)", "EV charger 48A", "Permit fee"));

    record Job(String title, String description, int minPrice, int maxPrice) {
    }

    private DemoWords() {
    }
}
