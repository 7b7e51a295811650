/**
 * What the public sees: the read API ({@code /api/**}, JSON, documented by OpenAPI) and the
 * server-rendered pages. The portal only reads; it owns no data and asks the other modules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal")
@org.jspecify.annotations.NullMarked
package org.kurultai.portal;
