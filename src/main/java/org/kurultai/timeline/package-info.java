/**
 * The forum's history in date order: proposals, documents adopted and decisions recorded here,
 * together with what the other modules already know (meetings, accessions, handovers, renamings,
 * bodies created), each with its source.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Timeline")
@org.jspecify.annotations.NullMarked
package org.kurultai.timeline;
