/**
 * What the platform runs on: the database (an embedded PostgreSQL 18 by default, kept in a local
 * folder between runs, or any external PostgreSQL given by configuration), the forum's clock and
 * time zone, the translation of every refusal and bad request into an RFC 9457 problem, and the pages
 * every PDF is set on ({@link org.kurultai.platform.PdfPages}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
@org.jspecify.annotations.NullMarked
package org.kurultai.platform;
