package uk.gov.digitalid.gateway.admin;

import java.util.UUID;

/** An operator of the admin dashboard. */
public record Operator(UUID id, String email, String role) {
}
