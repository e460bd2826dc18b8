package com.fielddesk.domain.customers;

import com.fielddesk.domain.common.CustomerId;
import com.fielddesk.domain.common.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A caller's request as the CSR takes it down: the caller is an existing customer (picked) or a
 * new one, the service address an existing one of theirs or a new one, and the job.
 *
 * @param existingCustomer the customer picked from the list, or empty for a new customer
 * @param newCustomer      the new customer's details (ignored when one was picked)
 * @param existingAddress  one of the picked customer's addresses, or empty for a new address
 * @param newAddress       the new address (ignored when one was picked)
 */
public record PhoneIntake(Optional<CustomerId> existingCustomer, CustomerDetails newCustomer,
                          Optional<CustomerAddressId> existingAddress, AddressDetails newAddress, JobRequest job) {

    public PhoneIntake {
        if (existingCustomer.isEmpty() && existingAddress.isPresent()) {
            throw new IllegalArgumentException("An existing address belongs to an existing customer");
        }
    }

    /** Every field's problem, with the customer's and address's fields named as in the form. */
    public List<FieldError> problems() {
        List<FieldError> errors = new ArrayList<>();
        if (existingCustomer.isEmpty()) {
            errors.addAll(newCustomer.problems());
        }
        if (existingAddress.isEmpty()) {
            errors.addAll(newAddress.problems());
        }
        errors.addAll(job.problems());
        return errors;
    }

    /** What phone intake wrote, each id the local row's (the server keeps them). */
    public record Written(CustomerId customer, CustomerAddressId address, com.fielddesk.domain.jobs.WorkOrderId job) {
    }
}
