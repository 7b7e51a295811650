/**
 * Backups of Kurultai's database, embedded or external: {@code --kurultai.command=backup} writes one archive (a zip: a
 * manifest with the schema's Flyway version, each table's columns, row count and SHA-256, the sequences' values, and
 * each table's rows in PostgreSQL's COPY text format, all read in one read-only REPEATABLE READ snapshot), and
 * {@code --kurultai.command=restore} loads one into an empty database in a single transaction (the schema migrated to
 * the archive's version, the rows copied in with the tables' own triggers off, the sequences set, then migrated to this
 * version), so that a refused or failed restore leaves the database as it was.
 * <p>
 * Kurultai's own logical format rather than {@code pg_dump}: the embedded PostgreSQL 18 ships no client tools and an
 * older {@code pg_dump} refuses a newer server. An external database may (also) be backed up with {@code pg_dump
 * --format=custom} of the same major version. Spring Session's tables are not backed up: after a restore everyone signs
 * in again. The audit chain's HMAC key is not in the database, so not in a backup: keep it apart.
 */
@org.jspecify.annotations.NullMarked
package org.kurultai.platform.backup;
