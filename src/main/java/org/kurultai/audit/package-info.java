/**
 * The audit log: every write records who (a person, or the system), for whom (a participant or
 * the Secretariat), what, when, and digests of the record before and after. Entries are
 * append-only (PostgreSQL refuses updates, deletes and truncation) and chained: each entry has a
 * gap-free position and an HMAC-SHA256 hash, under a key held outside the database, of its
 * content, its position and the hash before it. Signed checkpoints of the chain's head are
 * written outside the database (a file, the log, mail). {@link org.kurultai.audit.AuditLog#verify()}
 * finds an entry edited, removed, the last entries removed, or the chain recomputed without the
 * key, and names the first entry concerned.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
@org.jspecify.annotations.NullMarked
package org.kurultai.audit;
