/**
 * The forum's public record as open data: the {@code /data} page and a Frictionless Data Package
 * ({@code /data/datapackage.json}, profile {@code tabular-data-package}) whose resources — participants and their status
 * history, bodies and their names, chair terms, the Secretariat's heads, meetings, documents, the decision register, the
 * Catalogue's editions, areas and measures, commitments, the timeline's events, the CICA Fund's approved projects and its
 * yearly totals (those its public page shows) — are served as CSV (RFC 4180) and JSON at
 * stable addresses, each with its Table Schema (the data dictionary), the licence and the sources. Every record is read
 * through its module's public read path as the public sees it ({@code AccessPolicy}'s public viewer), whoever asks; each
 * file's {@code ETag}/{@code Last-Modified} come from the data versions of the areas it reads. Owns no data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Open data")
@org.jspecify.annotations.NullMarked
package org.kurultai.opendata;
