package com.fielddesk.domain.customers;

import com.fielddesk.domain.common.FieldError;
import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TenantFixtures.Company;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A form checks the customer's fields before anything is queued; the server checks them again.
 * On each boundary the two must agree, or a form would queue a change the server then refuses
 * (or refuse one it would take). Lengths count characters as PostgreSQL does: an emoji is one.
 */
class CustomerRulesAgreeWithTheServerTest {

    private static final String EMOJI = "😀";
    private static TenantFixtures fixtures;
    private static Company company;
    private static UUID customer;

    @BeforeAll
    static void company() {
        fixtures = TenantFixtures.onNewDatabase();
        company = fixtures.company("Boundary Electric");
        customer = fixtures.customer(company, "Bea Boundary");
    }

    @Test
    void customerFieldsOnEveryBoundary() throws SQLException {
        List<CustomerDetails> cases = List.of(
                new CustomerDetails("A", null, null, null),
                new CustomerDetails("Zoë Łódź Ñúñez", "zoe@example.com", "+1 (503) 555-0100", "Gate code 1234"),
                new CustomerDetails("n".repeat(200), null, null, null),
                new CustomerDetails("n".repeat(201), null, null, null),
                new CustomerDetails(EMOJI.repeat(200), null, null, null),
                new CustomerDetails(EMOJI.repeat(201), null, null, null),
                new CustomerDetails("   ", null, null, null),
                new CustomerDetails("Long Mail", "a".repeat(308) + "@example.com", null, null),
                new CustomerDetails("Longer Mail", "a".repeat(309) + "@example.com", null, null),
                new CustomerDetails("Phone", null, "5".repeat(40), null),
                new CustomerDetails("Phone", null, "5".repeat(41), null),
                new CustomerDetails("Notes", null, null, "x".repeat(4000)),
                new CustomerDetails("Notes", null, null, "x".repeat(4001)));
        for (CustomerDetails details : cases) {
            assertThat(details.problems().isEmpty()).as(describe(details))
                    .isEqualTo(serverTakes("insert into public.customers (company_id, full_name, email, phone, notes) "
                            + "values (?, ?, ?, ?, ?)", company.id(), details.fullName(), details.email(),
                            details.phone(), details.notes()));
        }
    }

    @Test
    void addressFieldsOnEveryBoundary() throws SQLException {
        List<AddressDetails> cases = List.of(
                new AddressDetails(null, "1 Main St", null, null, "97201", null),
                new AddressDetails("l".repeat(60), "s".repeat(300), "c".repeat(100), "r".repeat(100), "p".repeat(12),
                        "a".repeat(1000)),
                new AddressDetails("l".repeat(61), "1 Main St", null, null, "97201", null),
                new AddressDetails(null, "s".repeat(301), null, null, "97201", null),
                new AddressDetails(null, "1 Main St", "c".repeat(101), null, "97201", null),
                new AddressDetails(null, "1 Main St", null, "r".repeat(101), "97201", null),
                new AddressDetails(null, "1 Main St", null, null, "p".repeat(13), null),
                new AddressDetails(null, "1 Main St", null, null, "97201", "a".repeat(1001)),
                new AddressDetails(null, " ", null, null, "97201", null),
                new AddressDetails(null, "1 Main St", null, null, "  ", null));
        for (AddressDetails address : cases) {
            assertThat(address.problems().isEmpty()).as(address.toString())
                    .isEqualTo(serverTakes("""
                            insert into public.customer_addresses (company_id, customer_id, label, street, city, region,
                                                                   postal_code, access_notes)
                            values (?, ?, ?, ?, ?, ?, ?, ?)""", company.id(), customer, address.label(), address.street(),
                            address.city(), address.region(), address.postalCode(), address.accessNotes()));
        }
    }

    @Test
    void everyProblemNamesItsFieldInASentence() {
        List<FieldError> problems = new CustomerDetails(" ", "not an address", "call me", null).problems();
        assertThat(problems).extracting(FieldError::field).containsExactly("fullName", "email", "phone");
        assertThat(problems).extracting(FieldError::message)
                .containsExactly("The name is required.", "The email does not look like an address (name@example.com).",
                        "The phone number has no digits.");
        assertThat(new CustomerDetails("x".repeat(201), null, null, null).problems().get(0).message())
                .isEqualTo("The name can be at most 200 characters (201 now).");
    }

    @Test
    void fieldsAreCleanedBeforeTheyAreChecked() {
        CustomerDetails details = new CustomerDetails("  Ada Lovelace \n", "", "  ", null);
        assertThat(details.fullName()).isEqualTo("Ada Lovelace");
        assertThat(details.email()).isNull();
        assertThat(details.phone()).isNull();
        assertThat(new AddressDetails(null, "1 Main St", "Portland", null, "97201", null).oneLine())
                .isEqualTo("1 Main St, Portland 97201");
    }

    private static boolean serverTakes(String sql, Object... parameters) throws SQLException {
        try (Connection connection = fixtures.superuser().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    insert.setObject(i + 1, parameters[i]);
                }
                insert.executeUpdate();
                return true;
            } catch (SQLException refused) {
                // not-null (23502) for a missing required value, check (23514) for the rest
                assertThat(refused.getSQLState()).isIn("23502", "23514");
                return false;
            } finally {
                connection.rollback();
            }
        }
    }

    private static String describe(CustomerDetails details) {
        return "name " + (details.fullName() == null ? 0 : details.fullName().codePointCount(0, details.fullName().length()))
                + " chars, email " + (details.email() == null ? 0 : details.email().length()) + ", problems "
                + details.problems();
    }
}
