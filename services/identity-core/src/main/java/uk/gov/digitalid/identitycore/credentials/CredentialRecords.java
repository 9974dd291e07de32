package uk.gov.digitalid.identitycore.credentials;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.ListCrudRepository;

/** Spring Data JDBC access to {@code identity_core.credentials}. */
public interface CredentialRecords extends ListCrudRepository<CredentialRecord, UUID> {

    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<CredentialRecord> findLockedById(UUID id);

    List<CredentialRecord> findBySubjectIdOrderByIssuedAtDesc(String subjectId);
}
