/**
 * Confidence-building measures, the forum's namesake: the Catalogue in its dated editions (each the
 * whole Catalogue as adopted: dimensions, priority areas, measures; immutable once adopted) and the
 * differences between them; the coordinator and co-coordinators of each priority area over time;
 * and the voluntary, dated commitments by which a member State opts in to or out of a priority area
 * or a measure, recorded by its national coordinator or by the Secretariat on its written request.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Confidence-building measures")
@org.jspecify.annotations.NullMarked
package org.kurultai.cbm;
