/**
 * The audit log: every write records who (a person, or the system), for whom (a participant or
 * the Secretariat), what, when, and digests of the record before and after. Entries are
 * append-only (PostgreSQL refuses updates, deletes and truncation) and hash-chained, so that an
 * entry altered behind the application's back is found by {@link org.kurultai.audit.AuditLog#verify()}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
@org.jspecify.annotations.NullMarked
package org.kurultai.audit;
