/**
 * The shared kernel: value types every module speaks in (sources, date precision, the forum's
 * clock) and the base of the domain's refusals, which the web layer turns into RFC 9457 problems.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package org.kurultai.shared;
