package com.fielddesk.localbackend.demo;

import java.util.List;

/**
 * The fixed cast of the demo: three companies in the Portland, Oregon area whose service areas
 * overlap (so leads are contested) and their staff with documented logins. Independent of the
 * seed, so the logins can be listed without a database.
 */
final class DemoRoster {

    /** Postal codes of the demo area, west to east; each company serves a contiguous overlapping slice. */
    static final List<PostalArea> AREA = List.of(
            new PostalArea("97005", "Beaverton"), new PostalArea("97006", "Beaverton"),
            new PostalArea("97225", "Portland"), new PostalArea("97229", "Portland"),
            new PostalArea("97223", "Tigard"), new PostalArea("97224", "Tigard"),
            new PostalArea("97219", "Portland"), new PostalArea("97239", "Portland"),
            new PostalArea("97201", "Portland"), new PostalArea("97205", "Portland"),
            new PostalArea("97209", "Portland"), new PostalArea("97210", "Portland"),
            new PostalArea("97034", "Lake Oswego"), new PostalArea("97035", "Lake Oswego"),
            new PostalArea("97217", "Portland"), new PostalArea("97227", "Portland"),
            new PostalArea("97212", "Portland"), new PostalArea("97214", "Portland"),
            new PostalArea("97202", "Portland"), new PostalArea("97222", "Milwaukie"),
            new PostalArea("97267", "Milwaukie"), new PostalArea("97213", "Portland"),
            new PostalArea("97215", "Portland"), new PostalArea("97206", "Portland"),
            new PostalArea("97216", "Portland"), new PostalArea("97220", "Portland"),
            new PostalArea("97230", "Portland"), new PostalArea("97236", "Portland"),
            new PostalArea("97030", "Gresham"), new PostalArea("97080", "Gresham"));

    static final List<Company> COMPANIES = List.of(
            new Company("Northwind Heating & Air", "northwind.demo", List.of("hvac", "plumbing"), 0, 18,
                    "#C2410C", "503-555-0140", "8.000", 30, "NW-", 45),
            new Company("Bluewater Plumbing", "bluewater.demo", List.of("plumbing"), 8, 24,
                    "#0369A1", "503-555-0172", "0.000", 15, "BW-", 30),
            new Company("Brightline Electric", "brightline.demo", List.of("electrical", "hvac"), 13, 29,
                    "#CA8A04", "503-555-0195", "5.500", 21, "BL-", 25));

    /** Login name (email local part), role, full name and board colour of each person, per company. */
    private static final List<List<Person>> STAFF = List.of(
            List.of(new Person("admin", "admin", "Margaret Okafor", "#7C3AED"),
                    new Person("supervisor", "supervisor", "Daniel Reyes", "#2563EB"),
                    new Person("dispatcher", "dispatcher", "Priya Natarajan", "#059669"),
                    new Person("dispatcher2", "dispatcher", "Tom Lindqvist", "#0891B2"),
                    new Person("csr", "csr", "Alicia Moreno", "#DB2777"),
                    new Person("technician", "technician", "Marcus Bell", "#EA580C"),
                    new Person("technician2", "technician", "Hannah Kowalski", "#65A30D"),
                    new Person("technician3", "technician", "Jorge Alvarez", "#DC2626"),
                    new Person("technician4", "technician", "Kevin Tran", "#9333EA")),
            List.of(new Person("admin", "admin", "Ruth Abernathy", "#7C3AED"),
                    new Person("supervisor", "supervisor", "Samuel Osei", "#2563EB"),
                    new Person("dispatcher", "dispatcher", "Grace Whitfield", "#059669"),
                    new Person("csr", "csr", "Leah Goldberg", "#DB2777"),
                    new Person("technician", "technician", "Victor Petrov", "#EA580C"),
                    new Person("technician2", "technician", "Nina Castillo", "#65A30D"),
                    new Person("technician3", "technician", "Owen McCarthy", "#DC2626"),
                    new Person("technician4", "technician", "Aisha Rahman", "#9333EA")),
            List.of(new Person("admin", "admin", "Charles Dubois", "#7C3AED"),
                    new Person("supervisor", "supervisor", "Yuki Tanaka", "#2563EB"),
                    new Person("dispatcher", "dispatcher", "Brenda Holloway", "#059669"),
                    new Person("csr", "csr", "Felix Wagner", "#DB2777"),
                    new Person("technician", "technician", "Luis Romero", "#EA580C"),
                    new Person("technician2", "technician", "Emily Zhang", "#65A30D"),
                    new Person("technician3", "technician", "Darnell Brooks", "#DC2626"),
                    new Person("technician4", "technician", "Sofia Ricci", "#9333EA")));

    record PostalArea(String postalCode, String city) {
    }

    /**
     * A demo company. {@code firstArea..lastArea} index {@link #AREA}; {@code share} is its
     * percentage of customers and work orders.
     */
    record Company(String name, String domain, List<String> trades, int firstArea, int lastArea,
                   String accentColor, String phone, String taxRate, int paymentTermsDays, String invoicePrefix,
                   int share) {

        List<PostalArea> area() {
            return AREA.subList(firstArea, lastArea + 1);
        }

        List<String> postalCodes() {
            return area().stream().map(PostalArea::postalCode).toList();
        }

        boolean serves(String trade, String postalCode) {
            return trades.contains(trade) && postalCodes().contains(postalCode);
        }
    }

    record Person(String loginName, String role, String fullName, String color) {
    }

    private DemoRoster() {
    }

    static List<Person> staffOf(int companyIndex) {
        return STAFF.get(companyIndex);
    }

    static String email(Company company, Person person) {
        return person.loginName() + "@" + company.domain();
    }
}
